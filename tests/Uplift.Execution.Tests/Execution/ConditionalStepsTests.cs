using Uplift.Diagnostics;
using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Planning;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Execution;

/// <summary>Steps that run only when an earlier step's command exited with a given code (<see cref="StepCondition"/>):
/// neutron's offline contract window, opened only when has_offline_migrations says contract work is pending.</summary>
public sealed class ConditionalStepsTests : IDisposable
{
    private const string Check = "neutron-db-manage has_offline_migrations";
    private const string Contract = "neutron-db-manage upgrade --contract";
    private readonly ExecutorFixture _run = new();
    private readonly FakeNode _ctl1 = new("ctl1");

    public ConditionalStepsTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        _run.Shells = node => node == "ctl1" ? _ctl1 : throw new InvalidOperationException(node);
        _ctl1.Units["neutron-server"] = ("active", "enabled");
        _ctl1.Answers[Contract] = (0, "  OK\n");
    }

    public void Dispose() => _run.Dispose();

    private static Plan OfflineContract(string condition = "finalize/neutron/offline-check exited 1") => new TestPlan().Class("default", 1)
        .Step("finalize/neutron/offline-check", DatabaseOfflineCheckStep.Kind, node: "ctl1", service: "neutron",
            arguments: [("command", Check), ("exit-codes", "0=done,1=contract-needed")])
        .Step("finalize/neutron/ctl1/stop", UnitsStopStep.Kind, needs: ["finalize/neutron/offline-check"], node: "ctl1",
            arguments: [("units", "neutron-server"), (StepCondition.Key, condition)])
        .Step("neutron/ctl1/db-contract", DatabaseContractStep.Kind, needs: ["finalize/neutron/ctl1/stop"], node: "ctl1",
            arguments: [("command", Contract), (StepCondition.Key, condition)])
        .Step("finalize/neutron/ctl1/start", UnitsStartStep.Kind, needs: ["neutron/ctl1/db-contract"], node: "ctl1",
            arguments: [("units", "neutron-server"), (StepCondition.Key, condition)])
        .Build();

    [Fact]
    public async Task Given_offline_migrations_pending_When_run_Then_the_servers_stop_the_contract_runs_and_they_start_again()
    {
        _ctl1.Answers[Check] = (1, "Need to apply migrations from neutron contract branch. This will require all Neutron server instances to be shutdown before proceeding with the upgrade.\n");

        var summary = await _run.RunAsync(OfflineContract());

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        var stop = _ctl1.Log.FindIndex(c => c.StartsWith("systemctl stop neutron-server", StringComparison.Ordinal));
        var contract = _ctl1.Log.IndexOf(Contract);
        var start = _ctl1.Log.FindIndex(c => c.Contains("systemctl start neutron-server", StringComparison.Ordinal));
        stop.ShouldBeGreaterThan(-1);
        contract.ShouldBeGreaterThan(stop);
        start.ShouldBeGreaterThan(contract);
        _ctl1.Units["neutron-server"].ShouldBe(("active", "enabled"));
        var steps = _run.Journal.Steps(OfflineContract().InputsHash);
        steps["finalize/neutron/offline-check"].ExitCode.ShouldBe(1);
        steps["neutron/ctl1/db-contract"].State.ShouldBe(StepState.Done);
        _run.Events.ShouldContain(e => e.Message != null && e.Message.Contains("offline contract pending: every neutron server stops for it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_no_offline_migrations_pending_When_run_Then_no_server_stops_and_the_window_is_not_needed()
    {
        _ctl1.Answers[Check] = (0, "No offline migrations pending.\n");

        var summary = await _run.RunAsync(OfflineContract());

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        _ctl1.Log.ShouldBe([Check], "only the check ran: nothing was stopped, nothing contracted");
        var steps = _run.Journal.Steps(OfflineContract().InputsHash);
        foreach (var id in new[] { "finalize/neutron/ctl1/stop", "neutron/ctl1/db-contract", "finalize/neutron/ctl1/start" })
        {
            steps[id].State.ShouldBe(StepState.AlreadyDone, id);
            steps[id].Message.ShouldStartWith("not needed: finalize/neutron/offline-check exited 0, not 1");
        }
    }

    [Fact]
    public async Task Given_the_check_failing_When_run_Then_the_step_fails_and_nothing_after_it_runs()
    {
        _ctl1.Answers[Check] = (2, "ERROR: cannot connect to the database\n");

        var summary = await _run.RunAsync(OfflineContract());

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        summary.Failure!.ShouldContain($"'{Check}' failed (exit 2)");
        _ctl1.Log.ShouldBe([Check]);
    }

    [Theory]
    [InlineData("finalize/neutron/no-such-step exited 1", "which is not an earlier step of the plan")]
    [InlineData("finalize/neutron/offline-check exits one", "is not 'STEP exited CODE'")]
    public async Task Given_a_condition_naming_no_earlier_step_or_malformed_When_run_Then_the_plan_is_refused_before_any_command(string condition, string message)
    {
        var refused = await Should.ThrowAsync<InputException>(() => _run.RunAsync(OfflineContract(condition)));

        refused.Message.ShouldContain(message);
        _ctl1.Log.ShouldBeEmpty();
    }
}
