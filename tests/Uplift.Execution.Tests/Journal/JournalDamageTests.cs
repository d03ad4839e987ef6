using Microsoft.Data.Sqlite;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;

namespace Uplift.Tests.Journal;

/// <summary>A damaged journal is refused on open (or when the damage is read), naming the file and how to go on:
/// never a crash, never a silent fresh start.</summary>
public sealed class JournalDamageTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("uplift-damage-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Journal => Path.Combine(_directory.FullName, "lab.journal.sqlite");

    /// <summary>A journal with a run of 200 steps, closed (checkpointed: the WAL folded back into the file).</summary>
    private void Written()
    {
        using (var journal = RunJournal.Open(Journal))
        {
            var run = journal.StartRun("h", "{}", Noon);
            for (var i = 0; i < 200; i++)
            {
                journal.MarkRunning(run, "h", $"step/{i}", Noon);
                journal.Finish(run, "h", $"step/{i}", new StepResult(StepState.Done, 0, new string('o', 500)), Noon, Noon);
            }
        }
        SqliteConnection.ClearAllPools();
        File.Exists(Journal + "-wal").ShouldBeFalse("closing the last connection checkpoints the WAL");
    }

    private void Sql(string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={Journal};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private InputException Refused(Action read)
    {
        var refused = Should.Throw<InputException>(read);
        refused.Diagnostics.ShouldHaveSingleItem().Where!.File.ShouldBe(Journal);
        refused.Diagnostics[0].Summary.ShouldStartWith("the journal is damaged: ");
        refused.Message.ShouldStartWith($"{Journal}: the journal is damaged: ");
        refused.Diagnostics[0].Hint!.ShouldContain($"mv '{Journal}' '{Journal}.damaged'");
        return refused;
    }

    private InputException RefusedOnOpen() => Refused(() => RunJournal.Open(Journal).Dispose());

    [Fact]
    public void Given_a_directory_in_its_place_Then_it_is_refused()
    {
        Directory.CreateDirectory(Journal);

        RefusedOnOpen().Message.ShouldContain("it is a directory, not a file");
    }

    [Fact]
    public void Given_a_text_file_in_its_place_Then_it_is_refused()
    {
        File.WriteAllText(Journal, "these are my notes about the upgrade\n");

        RefusedOnOpen().Message.ShouldContain("it is not an SQLite database");
        File.ReadAllText(Journal).ShouldBe("these are my notes about the upgrade\n", "a refused file is left as it was");
    }

    [Fact]
    public void Given_a_journal_cut_to_1000_bytes_Then_it_is_refused()
    {
        Written();
        using (var file = File.OpenWrite(Journal))
        {
            file.SetLength(1000);
        }

        RefusedOnOpen().Message.ShouldContain("SQLite");
    }

    [Fact]
    public void Given_random_bytes_written_mid_file_Then_it_is_refused()
    {
        Written();
        var bytes = File.ReadAllBytes(Journal);
        new Random(20261204).NextBytes(bytes.AsSpan(bytes.Length / 2, 8192));
        File.WriteAllBytes(Journal, bytes);

        RefusedOnOpen();
    }

    [Fact]
    public void Given_its_steps_table_dropped_Then_it_is_refused_rather_than_started_afresh()
    {
        Written();
        Sql("DROP TABLE steps");

        RefusedOnOpen().Message.ShouldContain("its table 'steps' is missing");
    }

    [Fact]
    public void Given_a_renamed_column_Then_it_is_refused()
    {
        Written();
        Sql("ALTER TABLE steps RENAME COLUMN state TO status");

        RefusedOnOpen().Message.ShouldContain("its table 'steps' has no column 'state'");
    }

    [Fact]
    public void Given_a_step_state_uplift_never_writes_Then_reading_the_steps_is_refused()
    {
        Written();
        Sql("UPDATE steps SET state = 'finished' WHERE step_id = 'step/7'");
        using var journal = RunJournal.Open(Journal);

        Refused(() => journal.Steps("h")).Message.ShouldContain("step step/7 has the state 'finished', which Uplift never writes");
    }

    [Fact]
    public void Given_a_journal_of_an_earlier_uplift_without_the_identities_table_Then_it_opens_and_gains_it()
    {
        Written();
        Sql("DROP TABLE identities");

        using var journal = RunJournal.Open(Journal);

        journal.Steps("h").Count.ShouldBe(200);
        journal.Identity("h").ShouldBeNull();
    }

    [Fact]
    public async Task Given_two_connections_opening_the_same_new_journal_at_once_When_each_opens_it_Then_neither_finds_it_damaged()
    {
        // As a run's first second beside `uplift status`, or a test reading the journal as the run creates it: each
        // opener must see every table or none. Many fresh journals, two openers each, released together.
        var damaged = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var path = Path.Combine(_directory.FullName, $"race-{i}.journal.sqlite");
            using var start = new Barrier(2);
            var openers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                try
                {
                    RunJournal.Open(path).Dispose();
                }
                catch (InputException e)
                {
                    lock (damaged)
                    {
                        damaged.Add(e.Message);
                    }
                }
            })).ToArray();
            await Task.WhenAll(openers);
        }

        damaged.ShouldBeEmpty();
    }
}
