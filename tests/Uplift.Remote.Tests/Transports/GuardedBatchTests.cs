using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

/// <summary>A batch whose first part is a guard the node judges itself (<see cref="DoneWhen"/>), run by a real /bin/sh.</summary>
public sealed class GuardedBatchTests : IAsyncDisposable
{
    private static readonly Node Here = new("here", "127.0.0.1", [Role.Controller]);
    private readonly LocalTransport _local = new();
    private readonly string _acted = Path.Combine(Path.GetTempPath(), "uplift-guarded-" + Guid.NewGuid().ToString("N"));

    // What `systemctl is-active a b; systemctl is-enabled a b; true` prints for two running, enabled units.
    private static readonly DoneWhen BothRunning = new([0], [["active"], ["active"], ["enabled", "static"], ["enabled", "static"]]);

    public async ValueTask DisposeAsync()
    {
        File.Delete(_acted);
        await _local.DisposeAsync();
    }

    private async Task<IReadOnlyList<CommandResult>> RunAsync(string query, DoneWhen done, params string[] rest)
    {
        var batch = new CommandBatch([query, .. rest.Length > 0 ? rest : [$"echo acting; touch {_acted}", "echo checked"]], stopAfterFailure: true, guard: done);
        return batch.Split(await _local.ShellFor(Here).RunAsync(new RemoteCommand(batch.Script)));
    }

    private static string Printing(string output, int exitCode = 0) => $"printf '%s' {ShellWords.Quote(output)}; echo to-stderr >&2; exit {exitCode}";

    [Fact]
    public async Task Given_a_guard_showing_the_work_done_When_run_Then_the_action_and_its_checks_do_not_run()
    {
        var results = await RunAsync(Printing("active\nactive\nenabled\nstatic\n"), BothRunning);

        results.ShouldHaveSingleItem().ShouldBe(new CommandResult(0, "active\nactive\nenabled\nstatic\n", "to-stderr\n", results[0].Elapsed));
        File.Exists(_acted).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_a_guard_showing_work_to_do_When_run_Then_the_action_and_its_checks_run_in_the_same_round_trip()
    {
        var results = await RunAsync(Printing("inactive\nactive\nenabled\nenabled", exitCode: 3), BothRunning);

        results.Select(r => (r.ExitCode, r.StandardOutput)).ShouldBe([(3, "inactive\nactive\nenabled\nenabled"), (0, "acting\n"), (0, "checked\n")]);
        results[0].StandardError.ShouldBe("to-stderr\n");
        File.Exists(_acted).ShouldBeTrue();
    }

    [Fact]
    public async Task Given_a_failing_action_When_run_Then_its_checks_do_not_run()
    {
        var results = await RunAsync(Printing("inactive"), new DoneWhen([0], [["active"]]), "echo no >&2; exit 5", $"touch {_acted}");

        results.Select(r => r.ExitCode).ShouldBe([0, 5]);
        File.Exists(_acted).ShouldBeFalse();
    }

    public static TheoryData<string, int, DoneWhen> Outputs() => new()
    {
        { "active\nactive\nenabled\nstatic\n", 0, BothRunning },
        { "  active\t\n\nactive\n\n enabled \nstatic", 0, BothRunning },
        { "active\nactive\nenabled\nstatic\n", 1, BothRunning },
        { "active\nactive\nenabled\n", 0, BothRunning },
        { "active\nactive\nenabled\nstatic\nextra\n", 0, BothRunning },
        { "active\nactive\nenabled\nactive\n", 0, BothRunning },
        { "active\r\nactive\nenabled\nstatic\n", 0, BothRunning },
        { "", 1, new DoneWhen([1], []) },
        { "\n \n", 1, new DoneWhen([1], []) },
        { "set\n", 1, new DoneWhen([1], []) },
        { "it's $HOME `x` *\n", 0, new DoneWhen([0], [["it's $HOME `x` *"]]) },
        { "it's $HOME `x` ?\n", 0, new DoneWhen([0], [["it's $HOME `x` *"]]) },
        { "1:active\n", 0, new DoneWhen([0], [["active"]]) },
        { "2\n", 2, new DoneWhen([0, 2], [["2"]]) },
        { "x\n", 0, new DoneWhen([], [["x"]]) },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public async Task Given_a_query_output_When_the_node_judges_it_Then_it_finds_it_done_exactly_when_Uplift_does(string output, int exitCode, DoneWhen done)
    {
        var results = await RunAsync(Printing(output, exitCode), done);

        var nodeFoundDone = results.Count == 1;
        nodeFoundDone.ShouldBe(done.Matches(results[0]), $"output '{output}' exit {exitCode}");
        File.Exists(_acted).ShouldBe(!nodeFoundDone);
    }

    [Fact]
    public void Given_a_guarded_batch_script_When_parsed_Then_its_parts_guard_and_token_come_back()
    {
        var done = new DoneWhen([0, 1], [["it's", "two words"], ["x"], []]);
        var batch = new CommandBatch(["systemctl is-active a; true", "echo act\necho more", "echo check"], stopAfterFailure: true, token: "t0k3n", guard: done);

        var parsed = CommandBatch.Parse(batch.Script).ShouldNotBeNull();

        parsed.Parts.ShouldBe(batch.Parts);
        parsed.StopAfterFailure.ShouldBeTrue();
        var guard = parsed.Guard.ShouldNotBeNull();
        guard.ExitCodes.ShouldBe([0, 1]);
        guard.Lines.Select(l => string.Join('|', l)).ShouldBe(["it's|two words", "x", ""]);
        parsed.Script.ShouldBe(batch.Script);
    }
}
