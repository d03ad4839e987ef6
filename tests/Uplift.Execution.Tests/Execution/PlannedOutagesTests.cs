using Uplift.Execution;
using Uplift.Execution.Progress;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Execution;

/// <summary>The windows of a run's announced outages, from the marked steps that ran (events or journal).</summary>
public sealed class PlannedOutagesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);

    private static readonly Plan Plan = new TestPlan().Class("default", 2)
        .Step("finalize/neutron/offline-check", DatabaseOfflineCheckStep.Kind, node: "ctl1")
        .Step("finalize/neutron/ctl1/stop", UnitsStopStep.Kind, node: "ctl1", group: "neutron: offline contract", arguments: (PlannedOutage.Key, "neutron"))
        .Step("finalize/neutron/ctl2/stop", UnitsStopStep.Kind, node: "ctl2", group: "neutron: offline contract", arguments: (PlannedOutage.Key, "neutron"))
        .Step("finalize/neutron/ctl1/start", UnitsStartStep.Kind, node: "ctl1", group: "neutron: offline contract", arguments: (PlannedOutage.Key, "neutron"))
        .Build();

    [Fact]
    public void Given_the_marked_steps_that_ran_Then_the_window_runs_from_the_first_start_to_the_last_end()
    {
        var windows = PlannedOutages.Of(Plan, [
            ("finalize/neutron/offline-check", T0, T0.AddSeconds(1)),
            ("finalize/neutron/ctl2/stop", T0.AddSeconds(2), T0.AddSeconds(3)),
            ("finalize/neutron/ctl1/stop", T0.AddSeconds(1.5), T0.AddSeconds(2.5)),
            ("finalize/neutron/ctl1/start", T0.AddSeconds(6), T0.AddSeconds(7)),
        ]);

        windows.ShouldHaveSingleItem().ShouldBe(new PlannedOutages.Window("neutron", T0.AddSeconds(1.5), T0.AddSeconds(7), "neutron: offline contract"));
    }

    [Fact]
    public void Given_events_of_a_run_When_watched_Then_only_marked_steps_that_ended_done_open_a_window()
    {
        var watch = new PlannedOutageWatch(Plan);
        watch.On(new RunEvent("step-started", T0, "finalize/neutron/ctl1/stop"));
        watch.On(new RunEvent("step-ended", T0.AddSeconds(1), "finalize/neutron/ctl1/stop", State: "already-done"));
        watch.Windows().ShouldBeEmpty("a step found done or not needed stopped nothing");

        watch.On(new RunEvent("step-started", T0.AddSeconds(2), "finalize/neutron/ctl2/stop"));
        watch.On(new RunEvent("step-ended", T0.AddSeconds(3), "finalize/neutron/ctl2/stop", State: "done"));

        watch.Windows().ShouldHaveSingleItem().ShouldBe(new PlannedOutages.Window("neutron", T0.AddSeconds(2), T0.AddSeconds(3), "neutron: offline contract"));
    }
}
