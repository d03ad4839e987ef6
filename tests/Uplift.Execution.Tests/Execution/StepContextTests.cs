using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Execution;

/// <summary>How a step's commands reach a node: checks ride along with the action that they check, queries go together.</summary>
public sealed class StepContextTests
{
    private static readonly string[] Units = ["nova-api", "nova-conductor"];
    private readonly FakeNode _ctl1 = new("ctl1");
    private readonly StepContext _context;

    public StepContextTests()
    {
        _ctl1.Units["nova-api"] = ("active", "enabled");
        _ctl1.Units["nova-conductor"] = ("active", "enabled");
        var step = new PlanStep("nova/ctl1/stop", UnitsStopStep.Kind, "control-plane", "nova", ["ctl1"], [], ConcurrencyClasses.Controllers, [], [], 0, false, "nova");
        _context = new StepContext(step, _ => _ctl1, TimeProvider.System, _ => { }, CancellationToken.None);
    }

    [Fact]
    public async Task Given_an_action_with_its_check_When_the_check_is_asked_for_next_Then_it_comes_from_the_same_round_trip()
    {
        await _context.RunCheckedAsync("ctl1", Systemd.StopDisableMask(Units), then: [Systemd.Query(Units)]);
        var check = await _context.RunAsync("ctl1", Systemd.Query(Units));

        _ctl1.RoundTrips.ShouldBe(1);
        Systemd.ParseQuery(Units, check.StandardOutput).ShouldAllBe(u => u.IsStoppedAndMasked);
        _context.LastResult.ShouldBe(check);
    }

    [Fact]
    public async Task Given_an_action_with_its_check_When_the_check_is_asked_for_twice_Then_the_second_goes_to_the_node()
    {
        await _context.RunCheckedAsync("ctl1", Systemd.StopDisableMask(Units), then: [Systemd.Query(Units)]);
        await _context.RunAsync("ctl1", Systemd.Query(Units));
        await _context.RunAsync("ctl1", Systemd.Query(Units));

        _ctl1.RoundTrips.ShouldBe(2);
    }

    [Fact]
    public async Task Given_another_command_after_the_action_When_the_check_is_asked_for_Then_it_runs_again_on_the_node()
    {
        await _context.RunCheckedAsync("ctl1", Systemd.StopDisableMask(Units), then: [Systemd.Query(Units)]);
        await _context.RunCheckedAsync("ctl1", Systemd.UnmaskEnableStart(Units));
        var check = await _context.RunAsync("ctl1", Systemd.Query(Units));

        _ctl1.RoundTrips.ShouldBe(3);
        Systemd.ParseQuery(Units, check.StandardOutput).ShouldAllBe(u => u.IsRunningAndEnabled);
    }

    [Fact]
    public async Task Given_a_failing_action_When_run_with_its_check_Then_the_step_fails_on_the_action_and_the_check_does_not_run()
    {
        var failed = await Should.ThrowAsync<StepFailedException>(() =>
            _context.RunCheckedAsync("ctl1", "apt-get moo", then: [Systemd.Query(Units)]));

        failed.Message.ShouldStartWith("on ctl1: 'apt-get moo' exited 127");
        _ctl1.Log.ShouldBe(["apt-get moo"]);
    }

    [Fact]
    public async Task Given_two_queries_When_run_together_Then_one_round_trip_brings_both_results_in_order()
    {
        _ctl1.Installed["nova-api"] = "2:30.0.0-1";

        var results = await _context.RunAllAsync("ctl1", [DpkgQuery.Command(["nova-api"]), Systemd.Query(Units)]);

        _ctl1.RoundTrips.ShouldBe(1);
        results[0].StandardOutput.ShouldStartWith("nova-api\t2:30.0.0-1");
        Systemd.ParseQuery(Units, results[1].StandardOutput).ShouldAllBe(u => u.IsRunningAndEnabled);
    }
}
