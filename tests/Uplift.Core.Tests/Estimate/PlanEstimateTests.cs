using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Tests.Planning;
using Uplift.Upgrade.Estimate;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Estimate;

/// <summary>The makespan estimate replays the executor's rules on the plan's DAG with the table's durations.</summary>
public sealed class PlanEstimateTests
{
    private static readonly double Restart = StepDurations.Of(UnitsRestartStep.Kind)!.Seconds;

    [Fact]
    public void Steps_in_a_chain_add_up_and_steps_side_by_side_overlap_within_their_class()
    {
        var chain = Estimate(new[] { ("a", "n1", "one", Array.Empty<string>()), ("b", "n1", "one", ["a"]) }, ("one", 4, false));
        var apart = Estimate(new[] { ("a", "n1", "two", Array.Empty<string>()), ("b", "n2", "two", Array.Empty<string>()) }, ("two", 2, false));
        var queued = Estimate(new[] { ("a", "n1", "one", Array.Empty<string>()), ("b", "n2", "one", Array.Empty<string>()) }, ("one", 1, false));

        chain.Total.TotalSeconds.ShouldBe(2 * Restart);
        apart.Total.TotalSeconds.ShouldBe(Restart);
        queued.Total.TotalSeconds.ShouldBe(2 * Restart);
    }

    [Fact]
    public void A_pause_after_a_step_holds_its_slot_and_shows_on_the_critical_path()
    {
        var steps = new[] { Step("a", "n1", "agents", [], pause: 30), Step("b", "n2", "agents", []) };
        var estimate = PlanEstimate.Of(PlanOf(steps, ("agents", 1, false)), new(), new());

        estimate.Total.TotalSeconds.ShouldBe(Restart + 30 + Restart);
        estimate.CriticalPath.ShouldContain(b => b.What == PlanEstimate.Pause && b.Time == TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void In_a_per_node_window_a_node_keeps_its_place_between_its_steps()
    {
        // Three nodes of two steps each through a window of two: the third enters when the first leaves.
        var steps = new[] { "n1", "n2", "n3" }.SelectMany(n => new[] { Step($"{n}/a", n, "window", []), Step($"{n}/b", n, "window", [$"{n}/a"]) }).ToArray();

        var estimate = PlanEstimate.Of(PlanOf(steps, ("window", 2, true)), new(), new());

        estimate.Total.TotalSeconds.ShouldBe(4 * Restart);
    }

    [Fact]
    public void The_critical_path_sums_to_the_total_and_each_phase_window_lies_within_it()
    {
        var plan = Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo", new PlanOptions(LiveMigrate: true));

        var estimate = PlanEstimate.Of(plan, new(), PlanningInputs.Large.Concurrency);

        estimate.CriticalPath.Sum(b => b.Time.TotalSeconds).ShouldBe(estimate.Total.TotalSeconds, 0.01);
        estimate.CriticalPathByPhase.Sum(b => b.Time.TotalSeconds).ShouldBe(estimate.Total.TotalSeconds, 0.01);
        estimate.Phases.ShouldAllBe(p => p.Start >= TimeSpan.Zero && p.End <= estimate.Total && p.Start <= p.End);
        estimate.CriticalPath[0].What.ShouldBe(ComputeMigrateInstancesStep.Name, "on a seed-size cluster live migration bounds the run");
    }

    [Fact]
    public void Live_migration_time_grows_with_the_instances_and_shrinks_with_the_cluster_budget()
    {
        var plan = Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo", new PlanOptions(LiveMigrate: true));
        var concurrency = PlanningInputs.Large.Concurrency;
        TimeSpan Computes(EstimateSettings settings, ConcurrencySettings limits, Plan p) =>
            PlanEstimate.Of(p, settings, limits).Phases.Single(x => x.Phase == Phases.Computes).Span;

        var few = Computes(new(InstancesPerCompute: 5), concurrency, plan);
        var many = Computes(new(InstancesPerCompute: 40), concurrency, plan);
        var wider = concurrency with { LiveMigrations = 32 };
        var widerPlan = Planner.Build(PlanningInputs.Large with { Concurrency = wider }, PlanningInputs.Catalog, "epoxy", "flamingo", new PlanOptions(LiveMigrate: true));

        many.ShouldBeGreaterThan(few);
        Computes(new(InstancesPerCompute: 40), wider, widerPlan).ShouldBeLessThan(many);
    }

    [Fact]
    public void Each_zone_takes_as_many_dances_as_its_computes_fill_the_window()
    {
        // As many computes' agents may restart at once as computes dance (their pause holds only their class): the window alone sets the pace here.
        var large = PlanningInputs.Large;
        var inventory = large with { Concurrency = large.Concurrency with { ComputeNeutronAgents = large.Concurrency.ComputeBatch } };
        var plan = Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo");
        var estimate = PlanEstimate.Of(plan, new(), inventory.Concurrency);
        var computes = estimate.Phases.Single(p => p.Phase == Phases.Computes).Span.TotalSeconds;
        var dance = plan.Steps.Where(s => s.Node == "cmp2" && s.Phase == Phases.Computes)
            .Sum(s => StepDurations.Of(s, new(), inventory.Concurrency));
        var zones = inventory.WithRole(Role.Compute).GroupBy(n => n.AvailabilityZone).Select(g => g.Count()).ToList();
        var window = inventory.Concurrency.ComputeBatch;

        // canary, then each zone in ceil(count / window) rounds of one dance (every compute's dance takes as long here).
        var rounds = 1 + zones.Select((count, i) => (int)Math.Ceiling((count - (i == 0 ? 1 : 0)) / (double)window)).Sum();
        computes.ShouldBe(rounds * dance, 0.01);
    }

    private static PlanEstimate Estimate((string Id, string Node, string Class, string[] Needs)[] steps, (string Name, int Limit, bool PerNode) cls) =>
        PlanEstimate.Of(PlanOf(steps.Select(s => Step(s.Id, s.Node, s.Class, s.Needs)).ToArray(), cls), new(), new());

    private static PlanStep Step(string id, string node, string cls, string[] needs, int pause = 0) =>
        new(id, UnitsRestartStep.Kind, Phases.ControlPlane, null, [node], [], cls, needs, [], pause, false, "g");

    private static Plan PlanOf(PlanStep[] steps, (string Name, int Limit, bool PerNode) cls) =>
        new(PlanJson.FormatVersion, "c", "upgrade", [], [new ConcurrencyClass(cls.Name, cls.Limit, "", cls.PerNode)], steps,
            new PlanInputs("i", "h", "1", "c", "0", "epoxy", "flamingo", new PlanOptions()), "hash");
}
