using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Planning;

/// <summary>Batches, canaries, pacing and concurrency classes of the plan.</summary>
public sealed class PlanLimitsTests
{
    [Fact]
    public void Every_step_uses_a_declared_class_with_a_positive_limit()
    {
        var plan = Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo");

        var classes = plan.Classes.ToDictionary(c => c.Name, c => c.Limit);
        plan.Steps.ShouldAllBe(s => classes.ContainsKey(s.Class) && classes[s.Class] >= 1);
    }

    [Fact]
    public void Computes_go_canary_first_then_zone_by_zone_each_zone_pipelined_through_a_window_of_the_batch_size()
    {
        var inventory = PlanningInputs.Large;
        var plan = Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo");
        var groups = plan.Steps.Where(s => s.Phase == Phases.Computes && s.Kind == ComputeDisableStep.Kind)
            .GroupBy(s => s.Group).ToList();

        groups[0].Key.ShouldEndWith("canary");
        groups[0].Count().ShouldBe(1);
        groups.Sum(b => b.Count()).ShouldBe(inventory.WithRole(Role.Compute).Count());
        // One group per zone after the canary, zones in name order, never mixed.
        var zones = groups.Skip(1).Select(b => b.Select(s => inventory.Find(s.Node!)!.AvailabilityZone).Distinct().Single()).ToList();
        zones.ShouldBe(inventory.WithRole(Role.Compute).Select(n => n.AvailabilityZone).Distinct().Order(StringComparer.Ordinal).ToList());
        // The window: the compute class holds a place per node, as many as the batch size.
        var computes = plan.Classes.Single(c => c.Name == ConcurrencyClasses.Computes);
        computes.PerNode.ShouldBeTrue();
        computes.Limit.ShouldBe(inventory.Concurrency.ComputeBatch);
        // Inside its window a compute's neutron agents restart paced, in their own class (the gate, then the start).
        plan.Steps.Where(s => s.Phase == Phases.Computes && s.Node is not null && s.Class is not (ConcurrencyClasses.LiveMigrations or ConcurrencyClasses.ComputeAgents))
            .ShouldAllBe(s => s.Class == ConcurrencyClasses.Computes);
    }

    [Fact]
    public void A_zone_starts_after_the_previous_zone_ended_and_computes_of_one_zone_wait_for_no_sibling()
    {
        var graph = new PlanGraph(Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo"));
        var groups = graph.Where(s => s.Phase == Phases.Computes && s.Kind == ComputeDisableStep.Kind).GroupBy(s => s.Group).ToList();

        for (var i = 1; i < groups.Count; i++)
        {
            foreach (var earlier in groups[i - 1])
            {
                var enable = earlier.Id.Replace("/disable", "/enable", StringComparison.Ordinal);
                groups[i].ShouldAllBe(later => graph.Orders(enable, later.Id));
            }
        }
        foreach (var group in groups)
        {
            foreach (var a in group)
            {
                group.Where(b => b != a).ShouldAllBe(b => !graph.Orders(a.Id.Replace("/disable", "/enable", StringComparison.Ordinal), b.Id),
                    $"no compute of {group.Key} waits for {a.Node}");
            }
        }
    }

    [Fact]
    public void Neutron_agents_restart_one_node_at_a_time_with_a_pause_after_each()
    {
        var inventory = PlanningInputs.Large;
        var graph = new PlanGraph(Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo"));
        var starts = graph.Where(s => s.Service == "neutron" && s.Class == ConcurrencyClasses.NeutronAgents && s.Kind == UnitsStartStep.Kind).ToList();

        starts.Count.ShouldBe(inventory.WithRole(Role.Network).Count());
        starts.ShouldAllBe(s => s.PauseAfterSeconds == inventory.Concurrency.NeutronAgentPauseSeconds);
        for (var i = 1; i < starts.Count; i++)
        {
            var gate = $"neutron/{starts[i].Node}/queue-gate";
            graph.Orders(starts[i - 1].Id, gate).ShouldBeTrue($"{starts[i].Node} may start before {starts[i - 1].Node} ended");
        }
    }

    [Fact]
    public void The_same_inputs_give_a_byte_identical_plan()
    {
        var a = PlanJson.Write(Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo"));
        var b = PlanJson.Write(Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo"));

        b.ShouldBe(a);
    }

    [Fact]
    public void A_plan_read_back_from_JSON_is_the_same_plan()
    {
        var plan = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "bobcat", "epoxy", new PlanOptions(Via: "caracal", LiveMigrate: true));
        var json = PlanJson.Write(plan);

        var read = PlanJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), "plan.json");

        PlanJson.Write(read).ShouldBe(json);
        read.Steps.Count.ShouldBe(plan.Steps.Count);
        read.Inputs.ShouldBe(plan.Inputs);
        read.InputsHash.ShouldBe(plan.InputsHash);
    }

    [Fact]
    public void Changing_an_input_changes_the_plan_hash()
    {
        var a = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo");
        var b = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo", new PlanOptions(LiveMigrate: true));
        var edited = PlanningInputs.Example with { ContentHash = new string('0', 64) };
        var c = Planner.Build(edited, PlanningInputs.Catalog, "epoxy", "flamingo");

        new[] { a.InputsHash, b.InputsHash, c.InputsHash }.Distinct().Count().ShouldBe(3);
    }
}
