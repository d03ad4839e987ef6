using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Haproxy;
using Uplift.Upgrade.Steps.Vip;

namespace Uplift.Tests.Planning;

/// <summary>A minor update (same release): controllers one at a time in Pacemaker standby, no schema work.</summary>
public sealed class PlanUpdateTests
{
    private static readonly Plan Update = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "epoxy");

    [Fact]
    public void It_is_planned_as_an_update_without_any_DB_step()
    {
        Update.Mode.ShouldBe("update");
        StepKind[] schemaWork = [DatabaseExpandStep.Kind, DatabaseMigrateStep.Kind, DatabaseSyncStep.Kind, DatabaseContractStep.Kind,
            DatabaseBackupStep.Kind, RpcPinStep.Kind, OnlineMigrationsStep.Kind];
        Update.Steps.Where(s => schemaWork.Contains(s.Kind)).ShouldBeEmpty();
    }

    [Fact]
    public void Controllers_go_one_at_a_time_drained_and_in_standby_while_updated()
    {
        var graph = new PlanGraph(Update);
        var standbys = Update.Steps.Where(s => s.Kind == NodeStandbyStep.Kind).ToList();

        standbys.Select(s => s.Node).ShouldBe(["ctl1", "ctl2", "ctl3"]);
        standbys[0].Argument("vip-resource").ShouldBe(PlanningInputs.Example.Pacemaker.ApiVip);
        for (var i = 0; i < standbys.Count; i++)
        {
            var node = standbys[i].Node;
            Update.Steps.Where(s => s.Node == node && s.Kind == HaproxyDrainStep.Kind && s.Id.StartsWith("update/", StringComparison.Ordinal))
                .ShouldAllBe(d => graph.Orders(d.Id, standbys[i].Id));
            graph.Orders($"update/{node}/restart", $"update/{node}/online").ShouldBeTrue();
            if (i > 0)
            {
                var before = standbys[i - 1].Node;
                Update.Steps.Where(s => s.Node == before && s.Kind == HaproxyEnableStep.Kind && s.Id.StartsWith("update/", StringComparison.Ordinal))
                    .ShouldAllBe(e => graph.Orders(e.Id, standbys[i].Id), $"{node} goes into standby while {before} is still out");
            }
        }
    }

    [Fact]
    public void Given_no_Pacemaker_resource_for_the_VIP_When_planned_Then_no_node_goes_into_standby_and_each_is_still_drained_before_its_install()
    {
        var inventory = PlanningInputs.Example with { Pacemaker = new PacemakerSettings { NoApiVipResource = true } };
        foreach (var plan in new[] { Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "epoxy"), Planner.Build(inventory, PlanningInputs.Catalog, "dalmatian", "epoxy") })
        {
            var graph = new PlanGraph(plan);

            plan.Steps.ShouldNotContain(s => s.Kind == NodeStandbyStep.Kind || s.Kind == NodeUnstandbyStep.Kind || s.Kind == LocateVipStep.Kind, plan.Mode);
            var header = new System.Text.StringBuilder();
            PlanSummary.Header(plan, header, markdown: false);
            header.ToString().ShouldContain("(the first controller: no Pacemaker resource holds the VIP)");
            if (plan.Mode == "update")
            {
                plan.Steps.Where(s => s.Node == "ctl2" && s.Kind == HaproxyDrainStep.Kind).ShouldNotBeEmpty();
                plan.Steps.Where(s => s.Node == "ctl2" && s.Kind == HaproxyDrainStep.Kind && s.Phase == Phases.ControlPlane)
                    .ShouldAllBe(d => graph.Orders(d.Id, "update/ctl2/install"));
            }
        }
    }

    [Fact]
    public void Computes_still_do_the_dance_after_the_controllers()
    {
        var graph = new PlanGraph(Update);

        Update.Steps.Where(s => s.Kind == ComputeDisableStep.Kind).ShouldAllBe(s => graph.Orders("update/done", s.Id));
        Update.Steps.Count(s => s.Kind == ComputeEnableStep.Kind && s.AlwaysRun).ShouldBe(6);
    }
}
