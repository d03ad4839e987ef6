using Uplift.Catalog;
using Uplift.Database;
using Uplift.Testing;
using Uplift.Tests.Fakes;

namespace Uplift.Tests.Migrations;

public sealed class OnlineMigrationsTests
{
    private const string Command = "nova-manage db online_data_migrations --max-count 10";
    private static readonly string Progress = Samples.Samples.Read("nova-manage_online_data_migrations_max_count.txt");
    private static readonly string Nothing = Samples.Samples.Read("cinder-manage_online_data_migrations_done.txt");

    [Fact]
    public async Task Given_batches_that_exit_1_then_0_When_run_Then_it_loops_until_done()
    {
        var shell = new ScriptedShell((1, Progress), (1, Progress), (0, Nothing));

        var report = await new OnlineMigrations(shell, new TestClock()).RunAsync(Command);

        report.Outcome.ShouldBe(OnlineMigrationOutcome.Done);
        report.Batches.ShouldBe(3);
        report.MayStartNextHop.ShouldBeTrue();
        shell.Scripts.ShouldBe([Command, Command, Command]);
    }

    [Fact]
    public async Task Given_a_batch_that_exits_2_When_run_Then_it_stops_and_reports_the_failing_migrations()
    {
        var shell = new ScriptedShell((1, Progress), (2, "Error attempting to run <function mock_mig_1 at 0x1>\n" + Progress), (0, Nothing));

        var report = await new OnlineMigrations(shell, new TestClock()).RunAsync(Command);

        report.Outcome.ShouldBe(OnlineMigrationOutcome.Failed);
        report.Batches.ShouldBe(2);
        report.Errors.ShouldBe(["mock_mig_1"]);
        report.Message.ShouldContain("mock_mig_1");
        report.MayStartNextHop.ShouldBeFalse();
    }

    [Fact]
    public async Task Given_exit_127_When_run_Then_it_is_bad_input()
    {
        var report = await new OnlineMigrations(new ScriptedShell((127, "Must supply a positive value for max_number")), new TestClock()).RunAsync(Command);

        report.Outcome.ShouldBe(OnlineMigrationOutcome.BadInput);
    }

    [Fact]
    public async Task Given_a_command_that_keeps_exiting_1_When_run_Then_it_gives_up_after_the_max_batches_with_rows_left()
    {
        var shell = new ScriptedShell(Enumerable.Repeat((1, Progress), 5).ToArray());

        var report = await new OnlineMigrations(shell, new TestClock(), maxBatches: 3).RunAsync(Command);

        report.Outcome.ShouldBe(OnlineMigrationOutcome.BatchesExhausted);
        report.Batches.ShouldBe(3);
        report.RowsLeft.ShouldBe(1);
        report.MayStartNextHop.ShouldBeFalse();
    }

    [Fact]
    public async Task Given_exit_1_without_a_summary_table_When_run_Then_it_is_a_failure_not_progress()
    {
        var shell = new ScriptedShell((1, "Traceback (most recent call last):\n  ...\nKeyError: 'x'"), (0, Nothing));

        var report = await new OnlineMigrations(shell, new TestClock()).RunAsync(Command);

        report.Outcome.ShouldBe(OnlineMigrationOutcome.Failed);
        report.Batches.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_pause_between_batches_When_run_Then_the_next_batch_waits_for_the_clock()
    {
        var clock = new TestClock();
        var shell = new ScriptedShell((1, Progress), (0, Nothing));

        var running = new OnlineMigrations(shell, clock, pause: TimeSpan.FromSeconds(30)).RunAsync(Command);
        await shell.Ran(1);
        clock.Advance(TimeSpan.FromSeconds(29));
        shell.Scripts.Count.ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(1));

        (await running).Outcome.ShouldBe(OnlineMigrationOutcome.Done);
        shell.Scripts.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(0, ExitMeaning.Done)]
    [InlineData(1, ExitMeaning.Again)]
    [InlineData(2, ExitMeaning.Failure)]
    [InlineData(127, ExitMeaning.BadInput)]
    [InlineData(3, ExitMeaning.Failure)]
    public void Given_an_exit_code_Then_its_meaning_is_the_documented_one(int code, ExitMeaning meaning) =>
        OnlineMigrations.ExitCodes.Meaning(code).ShouldBe(meaning);
}
