using System.Globalization;
using Microsoft.Data.Sqlite;
using Uplift.Files;

namespace Uplift.Execution.Journal;

/// <summary>
/// The SQLite journal of one cluster: runs, the plans they ran, each step's current state and every attempt.
/// Every change is its own committed transaction before the executor goes on (WAL mode: a killed process loses
/// nothing it was told was written). Outputs are trimmed to their end and masked before they are stored.
/// Thread-safe: the executor records steps from several tasks.
/// </summary>
public sealed class RunJournal : IDisposable
{
    /// <summary>Characters kept of each output: the end, where errors are.</summary>
    public const int OutputLimit = 4000;

    private readonly SqliteConnection _connection;
    private readonly object _gate = new();

    private RunJournal(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <exception cref="Diagnostics.InputException">The journal is damaged (<see cref="JournalDamage"/>).</exception>
    public static RunJournal Open(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        JournalDamage.CheckFile(path);
        // The journal holds commands' output: only its owner reads the folder and the files (0700, 0600).
        PrivateFile.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        if (!File.Exists(path))
        {
            // Shared, not File.Create's FileShare.None: .NET takes an exclusive lock for that, and a second opener of the same
            // new journal (another process, another connection) then failed with "being used by another process".
            new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete).Dispose();
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        var journal = new RunJournal(connection, path);
        try
        {
            connection.Open();
            journal.Execute(JournalSchema.Pragmas);
            // Checked and created under SQLite's write lock, in one transaction: another process opening the same new journal
            // (a second uplift, `uplift status` during a run's first second) waits, then sees every table or none, never the
            // first of them alone, which read as "its table 'runs' is missing" (seen in CI, 2026-12-07).
            journal.Execute("BEGIN IMMEDIATE");
            if (JournalDamage.Problem(connection) is { } problem)
            {
                throw JournalDamage.Damaged(path, problem);
            }
            journal.Execute(JournalSchema.Tables);
            journal.Execute("COMMIT");
        }
        catch (SqliteException unreadable)
        {
            connection.Dispose();
            throw JournalDamage.Damaged(path, $"SQLite cannot read it ({unreadable.Message.TrimEnd('.')})");
        }
        catch (Diagnostics.InputException)
        {
            connection.Dispose();
            throw;
        }
        return journal;
    }

    public long StartRun(string planHash, string planJson, DateTimeOffset now)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var stored = Scalar("SELECT plan_json FROM plans WHERE plan_hash = $h", ("$h", planHash)) as string;
            if (stored is not null && stored != planJson
                && Scalar("SELECT count(*) FROM steps WHERE plan_hash = $h", ("$h", planHash)) is > 0L)
            {
                // Steps are journaled per plan hash: another plan under the same hash would inherit steps it never ran.
                throw new Diagnostics.InputException(
                    $"the journal {Path} holds a different plan made from the same inputs ({planHash[..Math.Min(12, planHash.Length)]}) with steps already journaled",
                    hint: "resume that plan with 'uplift resume', or start this one with --fresh (its steps will be run again as they are found on the nodes)");
            }
            NonQuery("INSERT INTO plans(plan_hash, plan_json, stored) VALUES($h, $j, $t) ON CONFLICT(plan_hash) DO UPDATE SET plan_json = $j, stored = $t",
                ("$h", planHash), ("$j", planJson), ("$t", Stamp(now)));
            var id = (long)Scalar("INSERT INTO runs(plan_hash, started) VALUES($h, $t) RETURNING id",
                ("$h", planHash), ("$t", Stamp(now)))!;
            transaction.Commit();
            return id;
        }
    }

    public void EndRun(long runId, string outcome, DateTimeOffset now)
    {
        lock (_gate)
        {
            NonQuery("UPDATE runs SET ended = $t, outcome = $o WHERE id = $id", ("$t", Stamp(now)), ("$o", outcome), ("$id", runId));
        }
    }

    public void MarkRunning(long runId, string planHash, string stepId, DateTimeOffset now)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Upsert(planHash, stepId, runId, new StepResult(StepState.Running), now, null);
            NonQuery("INSERT INTO attempts(run_id, step_id, state, started) VALUES($r, $s, 'running', $t)",
                ("$r", runId), ("$s", stepId), ("$t", Stamp(now)));
            transaction.Commit();
        }
    }

    /// <summary>
    /// Records how a step ended. <paramref name="reopen"/> names steps to set back to pending in the same transaction:
    /// a cleanup step (re-enable a drained server) undoes the steps it needs, so a resume must do them again.
    /// </summary>
    public void Finish(long runId, string planHash, string stepId, StepResult result, DateTimeOffset started, DateTimeOffset now,
        IReadOnlyList<string>? reopen = null)
    {
        var output = Trim(SecretMask.Apply(result.StandardOutput));
        var error = Trim(SecretMask.Apply(result.StandardError));
        var clean = result with { StandardOutput = output, StandardError = error, Message = SecretMask.Apply(result.Message) };
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            Upsert(planHash, stepId, runId, clean, started, now);
            NonQuery("""
                UPDATE attempts SET state = $st, ended = $t, exit_code = $x, stdout = $o, stderr = $e, message = $m
                WHERE id = (SELECT max(id) FROM attempts WHERE run_id = $r AND step_id = $s)
                """,
                ("$st", clean.State.Word()), ("$t", Stamp(now)), ("$x", clean.ExitCode), ("$o", output), ("$e", error),
                ("$m", clean.Message), ("$r", runId), ("$s", stepId));
            foreach (var undone in reopen ?? [])
            {
                NonQuery("UPDATE steps SET state = 'pending', message = $m WHERE plan_hash = $h AND step_id = $s",
                    ("$m", $"undone by cleanup {stepId}: runs again on resume"), ("$h", planHash), ("$s", undone));
            }
            transaction.Commit();
        }
    }

    /// <summary>The current state of every step of a plan the journal has seen.</summary>
    public IReadOnlyDictionary<string, StepRecord> Steps(string planHash)
    {
        lock (_gate)
        {
            using var command = Command(
                "SELECT step_id, state, run_id, started, ended, exit_code, stdout, stderr, message FROM steps WHERE plan_hash = $h",
                ("$h", planHash));
            using var reader = command.ExecuteReader();
            var result = new Dictionary<string, StepRecord>();
            while (reader.Read())
            {
                result[reader.GetString(0)] = new StepRecord(reader.GetString(0), State(reader.GetString(0), reader.GetString(1)),
                    reader.GetInt64(2), ReadStamp(reader, 3), ReadStamp(reader, 4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(6), reader.GetString(7), reader.GetString(8));
            }
            return result;
        }
    }

    /// <summary>How many times each step's action was started, over all runs of the plan (tests and reports).</summary>
    public IReadOnlyDictionary<string, int> AttemptCounts(string planHash)
    {
        lock (_gate)
        {
            using var command = Command(
                "SELECT a.step_id, count(*) FROM attempts a JOIN runs r ON r.id = a.run_id WHERE r.plan_hash = $h GROUP BY a.step_id",
                ("$h", planHash));
            using var reader = command.ExecuteReader();
            var result = new Dictionary<string, int>();
            while (reader.Read())
            {
                result[reader.GetString(0)] = reader.GetInt32(1);
            }
            return result;
        }
    }

    /// <summary>Every attempt of every run of the plan, in the order they started (tests and reports).</summary>
    public IReadOnlyList<AttemptRecord> Attempts(string planHash)
    {
        lock (_gate)
        {
            using var command = Command("""
                SELECT a.run_id, a.step_id, a.state, a.started,
                       coalesce(a.ended, (SELECT min(n.started) FROM runs n WHERE n.id > a.run_id))
                FROM attempts a JOIN runs r ON r.id = a.run_id WHERE r.plan_hash = $h ORDER BY a.id
                """, ("$h", planHash));
            using var reader = command.ExecuteReader();
            var result = new List<AttemptRecord>();
            while (reader.Read())
            {
                result.Add(new AttemptRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), ReadStamp(reader, 3)!.Value, ReadStamp(reader, 4)));
            }
            return result;
        }
    }

    public RunRecord? LatestRun()
    {
        lock (_gate)
        {
            using var command = Command("SELECT id, plan_hash, started, ended, outcome FROM runs ORDER BY id DESC LIMIT 1");
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new RunRecord(reader.GetInt64(0), reader.GetString(1), ReadStamp(reader, 2)!.Value, ReadStamp(reader, 3),
                    reader.IsDBNull(4) ? null : reader.GetString(4))
                : null;
        }
    }

    /// <summary>Records which machines the plan's runs work on (the first record stays until <see cref="Forget"/>).</summary>
    public void RecordIdentity(string planHash, string identity, DateTimeOffset now)
    {
        lock (_gate)
        {
            NonQuery("INSERT INTO identities(plan_hash, identity, recorded) VALUES($h, $i, $t) ON CONFLICT(plan_hash) DO NOTHING",
                ("$h", planHash), ("$i", identity), ("$t", Stamp(now)));
        }
    }

    /// <summary>The machines the plan's first run worked on; null when none was recorded.</summary>
    public string? Identity(string planHash)
    {
        lock (_gate)
        {
            return Scalar("SELECT identity FROM identities WHERE plan_hash = $h", ("$h", planHash)) as string;
        }
    }

    /// <summary>Starts the plan afresh: its steps and identity are dropped (its runs and attempts stay, as history).</summary>
    public void Forget(string planHash)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            NonQuery("DELETE FROM steps WHERE plan_hash = $h", ("$h", planHash));
            NonQuery("DELETE FROM identities WHERE plan_hash = $h", ("$h", planHash));
            transaction.Commit();
        }
    }

    /// <summary>The plan as it was saved when a run of it started (for resume and status).</summary>
    public string? PlanJson(string planHash)
    {
        lock (_gate)
        {
            return Scalar("SELECT plan_json FROM plans WHERE plan_hash = $h", ("$h", planHash)) as string;
        }
    }

    public void Dispose() => _connection.Dispose();

    private void Upsert(string planHash, string stepId, long runId, StepResult result, DateTimeOffset? started, DateTimeOffset? ended) =>
        NonQuery("""
            INSERT INTO steps(plan_hash, step_id, state, run_id, started, ended, exit_code, stdout, stderr, message)
            VALUES($h, $s, $st, $r, $b, $t, $x, $o, $e, $m)
            ON CONFLICT(plan_hash, step_id) DO UPDATE SET state = $st, run_id = $r, started = $b, ended = $t,
                exit_code = $x, stdout = $o, stderr = $e, message = $m
            """,
            ("$h", planHash), ("$s", stepId), ("$st", result.State.Word()), ("$r", runId), ("$b", Stamp(started)),
            ("$t", Stamp(ended)), ("$x", result.ExitCode), ("$o", result.StandardOutput), ("$e", result.StandardError),
            ("$m", result.Message));

    private void Execute(string sql)
    {
        lock (_gate)
        {
            NonQuery(sql);
        }
    }

    // Every command is disposed once run: an undisposed one keeps its statement, and SQLite keeps a closed connection
    // open (and its WAL unfolded) until the finalizer runs.
    private int NonQuery(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    /// <summary>A step's stored state; one Uplift never writes means the journal was changed by hand or damaged.</summary>
    private StepState State(string stepId, string word)
    {
        try
        {
            return StepStates.Parse(word);
        }
        catch (ArgumentException)
        {
            throw JournalDamage.Damaged(Path, $"step {stepId} has the state '{word}', which Uplift never writes");
        }
    }

    private static string Trim(string text) => text.Length <= OutputLimit ? text : "…" + text[^OutputLimit..];

    private static string? Stamp(DateTimeOffset? time) => time?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ReadStamp(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column)
            ? null
            : DateTimeOffset.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
