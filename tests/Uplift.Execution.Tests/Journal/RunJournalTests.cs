using Microsoft.Data.Sqlite;
using Uplift.Execution.Journal;

namespace Uplift.Tests.Journal;

public sealed class RunJournalTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"uplift-journal-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DatabasePath => Path.Combine(_directory, "lab.journal.sqlite");

    [Fact]
    public void Given_a_new_state_directory_When_the_journal_is_opened_Then_only_its_owner_can_read_the_folder_and_the_files()
    {
        using (var journal = RunJournal.Open(DatabasePath))
        {
            journal.StartRun("h", "{}", Noon);
            File.Exists(DatabasePath + "-wal").ShouldBeTrue("the journal writes ahead (WAL)");
            File.GetUnixFileMode(DatabasePath + "-wal").ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "SQLite gives the log the journal's mode");
        }

        File.GetUnixFileMode(_directory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(DatabasePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Given_a_step_output_with_secrets_When_recorded_Then_the_journal_holds_it_masked_and_trimmed()
    {
        using (var journal = RunJournal.Open(DatabasePath))
        {
            var run = journal.StartRun("h", "{}", Noon);
            journal.MarkRunning(run, "h", "db/backup", Noon);
            journal.Finish(run, "h", "db/backup", new StepResult(StepState.Failed, 2,
                new string('x', 10_000) + " password=hunter2", "Authorization: Bearer hunter2", "failed with --password hunter2"), Noon, Noon);
        }

        var all = ReadEverything();
        all.ShouldNotContain("hunter2");
        using var reopened = RunJournal.Open(DatabasePath);
        var step = reopened.Steps("h")["db/backup"];
        step.State.ShouldBe(StepState.Failed);
        step.ExitCode.ShouldBe(2);
        step.StandardOutput.Length.ShouldBeLessThanOrEqualTo(RunJournal.OutputLimit + 1);
        step.StandardOutput.ShouldEndWith("password=****");
    }

    [Fact]
    public void Given_a_journal_When_opened_Then_it_uses_write_ahead_logging()
    {
        using var journal = RunJournal.Open(DatabasePath);
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        command.ExecuteScalar().ShouldBe("wal");
    }

    [Fact]
    public void Given_a_running_step_When_another_connection_reads_Then_it_sees_the_committed_state_at_once()
    {
        using var journal = RunJournal.Open(DatabasePath);
        var run = journal.StartRun("h", "{\"plan\":1}", Noon);
        journal.MarkRunning(run, "h", "nova/ctl1/stop", Noon);

        using var reader = RunJournal.Open(DatabasePath);
        reader.Steps("h")["nova/ctl1/stop"].State.ShouldBe(StepState.Running);
        reader.LatestRun()!.Id.ShouldBe(run);
        reader.LatestRun()!.Outcome.ShouldBeNull();
        reader.PlanJson("h").ShouldBe("{\"plan\":1}");
    }

    [Fact]
    public void Given_a_cleanup_that_undid_steps_When_finished_Then_those_steps_and_itself_are_pending_again()
    {
        using var journal = RunJournal.Open(DatabasePath);
        var run = journal.StartRun("h", "{}", Noon);
        foreach (var id in new[] { "drain", "enable" })
        {
            journal.MarkRunning(run, "h", id, Noon);
            journal.Finish(run, "h", id, new StepResult(StepState.Done), Noon, Noon, id == "enable" ? ["drain", "enable"] : null);
        }

        var steps = journal.Steps("h");
        steps["drain"].State.ShouldBe(StepState.Pending);
        steps["drain"].Message.ShouldContain("undone by cleanup enable");
        steps["enable"].State.ShouldBe(StepState.Pending);
        journal.AttemptCounts("h")["enable"].ShouldBe(1);
    }

    private string ReadEverything()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(coalesce(stdout,'') || coalesce(stderr,'') || coalesce(message,''), '|') FROM (SELECT stdout, stderr, message FROM steps UNION ALL SELECT stdout, stderr, message FROM attempts)";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void Given_a_run_killed_during_a_step_When_attempts_are_read_Then_the_killed_one_lasted_until_the_next_run_started()
    {
        using var journal = RunJournal.Open(DatabasePath);
        var first = journal.StartRun("h", "{}", Noon);
        journal.MarkRunning(first, "h", "install", Noon.AddSeconds(1));
        var second = journal.StartRun("h", "{}", Noon.AddSeconds(30));
        journal.MarkRunning(second, "h", "install", Noon.AddSeconds(31));
        journal.Finish(second, "h", "install", new StepResult(StepState.Done), Noon.AddSeconds(31), Noon.AddSeconds(33));

        journal.Attempts("h").ShouldBe([
            new AttemptRecord(first, "install", "running", Noon.AddSeconds(1), Noon.AddSeconds(30)),
            new AttemptRecord(second, "install", "done", Noon.AddSeconds(31), Noon.AddSeconds(33)),
        ]);
        journal.Attempts("other plan").ShouldBeEmpty();
    }

    [Fact]
    public void Given_steps_journaled_under_a_plan_When_a_different_plan_with_the_same_inputs_hash_starts_Then_it_is_refused()
    {
        using var journal = RunJournal.Open(DatabasePath);
        var run = journal.StartRun("h", "{\"plan\":1}", Noon);
        journal.MarkRunning(run, "h", "db/backup", Noon);

        var refused = Should.Throw<Uplift.Diagnostics.InputException>(() => journal.StartRun("h", "{\"plan\":2}", Noon.AddMinutes(1)));

        refused.Message.ShouldContain("holds a different plan made from the same inputs");
        journal.PlanJson("h").ShouldBe("{\"plan\":1}", "resume still runs the plan whose steps are journaled");
        journal.StartRun("h", "{\"plan\":1}", Noon.AddMinutes(2)).ShouldBeGreaterThan(run, "the same plan starts again");
    }

    [Fact]
    public void Given_a_plan_forgotten_with_fresh_When_a_different_plan_with_the_same_inputs_hash_starts_Then_it_replaces_the_stored_one()
    {
        using var journal = RunJournal.Open(DatabasePath);
        var run = journal.StartRun("h", "{\"plan\":1}", Noon);
        journal.MarkRunning(run, "h", "db/backup", Noon);
        journal.Forget("h");

        journal.StartRun("h", "{\"plan\":2}", Noon.AddMinutes(1));

        journal.PlanJson("h").ShouldBe("{\"plan\":2}");
    }
}
