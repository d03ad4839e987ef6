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
    public void Computes_go_canary_first_then_per_zone_in_batches_no_larger_than_the_limit()
    {
        var inventory = PlanningInputs.Large;
        var plan = Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo");
        var batches = plan.Steps.Where(s => s.Phase == Phases.Computes && s.Kind == ComputeDisableStep.Kind)
            .GroupBy(s => s.Group).ToList();

        batches[0].Key.ShouldEndWith("canary");
        batches[0].Count().ShouldBe(1);
        batches.ShouldAllBe(b => b.Count() <= inventory.Concurrency.ComputeBatch);
        batches.Sum(b => b.Count()).ShouldBe(inventory.WithRole(Role.Compute).Count());
        // Zones are not mixed within a batch, and each zone's batches are consecutive.
        var zones = batches.Select(b => b.Select(s => inventory.Find(s.Node!)!.AvailabilityZone).Distinct().Single()).ToList();
        zones.ShouldBe(zones.OrderBy(z => z, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Each_batch_starts_after_the_previous_batch_ended()
    {
        var graph = new PlanGraph(Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo"));
        var batches = graph.Where(s => s.Phase == Phases.Computes && s.Kind == ComputeDisableStep.Kind).GroupBy(s => s.Group).ToList();

        for (var i = 1; i < batches.Count; i++)
        {
            foreach (var earlier in batches[i - 1])
            {
                var enable = earlier.Id.Replace("/disable", "/enable", StringComparison.Ordinal);
                batches[i].ShouldAllBe(later => graph.Orders(enable, later.Id));
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
