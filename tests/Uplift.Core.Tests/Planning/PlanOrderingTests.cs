using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Haproxy;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.PuppetAgent;
using Uplift.Upgrade.Steps.Units;
using Uplift.Upgrade.Steps.Vip;

namespace Uplift.Tests.Planning;

/// <summary>The order of work DESIGN.md §3 asks for, asserted on whole plans of the example and the large cluster.</summary>
public sealed class PlanOrderingTests
{
    public static TheoryData<string> Clusters => new() { "examples/inventory.yaml", "examples/large-inventory.yaml" };

    private static PlanGraph PlanOf(string inventory, PlanOptions? options = null) =>
        new(Planner.Build(PlanningInputs.Load(inventory), PlanningInputs.Catalog, "epoxy", "flamingo", options));

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Keystone_is_upgraded_before_every_other_service(string inventory)
    {
        var graph = PlanOf(inventory);
        var others = graph.Where(s => s.Phase == Phases.ControlPlane && s.Service != "keystone").ToList();

        others.ShouldNotBeEmpty();
        others.ShouldAllBe(s => graph.Orders("keystone/done", s.Id));
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Placement_is_upgraded_before_nova(string inventory)
    {
        var graph = PlanOf(inventory);
        var nova = graph.Where(s => s.Service == "nova" && s.Phase is Phases.ControlPlane or Phases.Computes).ToList();

        nova.ShouldNotBeEmpty();
        nova.ShouldAllBe(s => graph.Orders("placement/done", s.Id));
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void For_each_service_the_VIP_holders_DB_steps_come_before_any_other_controller_touches_it(string inventory)
    {
        var graph = PlanOf(inventory);
        var vip = graph.Plan.Steps.First(s => s.Class == ConcurrencyClasses.VipHolder).Node!;
        var dbKinds = new[] { DatabaseExpandStep.Kind, DatabaseMigrateStep.Kind, DatabaseSyncStep.Kind };

        var checkedServices = 0;
        foreach (var service in graph.Plan.Steps.Where(s => s.Phase == Phases.ControlPlane).Select(s => s.Service).Distinct())
        {
            var dbSteps = graph.Where(s => s.Service == service && dbKinds.Contains(s.Kind)).ToList();
            var others = graph.Where(s => s.Service == service && s.Phase == Phases.ControlPlane && s.Class == ConcurrencyClasses.Controllers).ToList();
            if (dbSteps.Count == 0 || others.Count == 0)
            {
                continue;
            }
            checkedServices++;
            dbSteps.ShouldAllBe(d => d.Node == vip);
            foreach (var other in others)
            {
                dbSteps.ShouldAllBe(d => graph.Orders(d.Id, other.Id), $"{other.Id} may run before the VIP holder's DB steps");
            }
        }
        checkedServices.ShouldBeGreaterThan(4);
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Every_compute_comes_after_novas_control_plane_and_every_other_service(string inventory)
    {
        var graph = PlanOf(inventory);
        var computes = graph.Where(s => s.Phase == Phases.Computes && s.Kind != StepKind.Milestone).ToList();
        var lastService = graph.Plan.Steps.Last(s => s.Phase == Phases.ControlPlane).Id;

        computes.Count.ShouldBeGreaterThan(0);
        computes.ShouldAllBe(s => graph.Orders("nova/done", s.Id) && graph.Orders(lastService, s.Id));
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void With_live_migration_a_compute_moves_its_instances_only_once_it_is_disabled(string inventory)
    {
        var graph = PlanOf(inventory, new PlanOptions(LiveMigrate: true));
        var migrations = graph.Where(s => s.Kind == ComputeMigrateInstancesStep.Kind).ToList();

        migrations.Count.ShouldBeGreaterThan(1);
        foreach (var migrate in migrations)
        {
            graph.Orders(migrate.Id.Replace("/migrate", "/disable", StringComparison.Ordinal), migrate.Id).ShouldBeTrue(migrate.Id);
            migrate.Class.ShouldBe(ConcurrencyClasses.LiveMigrations);
        }
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Contract_steps_come_after_every_nodes_upgrade(string inventory)
    {
        var graph = PlanOf(inventory);
        var contracts = graph.Where(s => s.Kind == DatabaseContractStep.Kind).ToList();
        // The offline contract's own window (its servers started again after it) is not an upgrade of a node.
        var upgrades = graph.Where(s => (s.Kind == PackagesInstallStep.Kind || s.Kind == UnitsStartStep.Kind) && s.Argument(PlannedOutage.Key) is null).ToList();

        contracts.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var contract in contracts)
        {
            upgrades.ShouldAllBe(u => graph.Orders(u.Id, contract.Id), $"{contract.Id} may run before a node is upgraded");
            graph.Where(s => s.Kind == OnlineMigrationsStep.Kind).ShouldAllBe(m => graph.Orders(m.Id, contract.Id));
        }
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void An_API_server_is_drained_before_its_units_stop_and_always_put_back(string inventory)
    {
        var graph = PlanOf(inventory);
        var drains = graph.Where(s => s.Kind == HaproxyDrainStep.Kind).ToList();

        drains.Count.ShouldBeGreaterThan(0);
        foreach (var drain in drains)
        {
            var prefix = drain.Id[..(drain.Id.LastIndexOf('/') + 1)];
            // What touches the node in the window: its units stopped or restarted, or (its infrastructure window) the VIP
            // moved away or packages whose scripts restart daemons, or a puppet agent run (it restarts what it changes).
            var touches = graph.Where(s => (s.Id.StartsWith(prefix, StringComparison.Ordinal) || (s.Kind == PuppetRunStep.Kind && prefix.EndsWith("/puppet/", StringComparison.Ordinal)
                    && s.Node == drain.Node))
                && (s.Kind == UnitsStopStep.Kind || s.Kind == UnitsRestartStep.Kind || s.Kind == DependenciesUpgradeStep.Kind || s.Kind == NodeStandbyStep.Kind
                    || s.Kind == PuppetRunStep.Kind || (s.Kind == UnitsSignalStep.Kind && s.Group == drain.Group))).ToList();
            touches.ShouldNotBeEmpty($"{drain.Id} drains a server for work on its node");
            touches.ShouldAllBe(t => graph.Orders(drain.Id, t.Id));
            var enable = graph[prefix + "enable-" + drain.Id[(drain.Id.LastIndexOf("drain-", StringComparison.Ordinal) + 6)..]];
            enable.AlwaysRun.ShouldBeTrue();
            enable.Needs.ShouldContain(drain.Id);
            enable.Argument("server").ShouldBe(drain.Argument("server"));
        }
    }

    [Fact]
    public void Controllers_other_than_the_VIP_holder_are_drained_only_once_the_VIP_holder_serves_again()
    {
        var graph = PlanOf("examples/inventory.yaml", new PlanOptions(VipHolder: "ctl2"));

        graph.Where(s => s.Id.StartsWith("nova/ctl1/drain-", StringComparison.Ordinal)).ShouldAllBe(s =>
            graph.Orders("nova/ctl2/enable-nova", s.Id) && graph.Orders("nova/ctl2/wait-nova", s.Id));
        graph["preflight/vip-holder"].Argument("expected-node").ShouldBe("ctl2");
    }

    [Fact]
    public void Without_draining_no_HAProxy_step_is_planned()
    {
        var graph = PlanOf("examples/inventory.yaml", new PlanOptions(Drain: false));

        graph.Where(s => (s.Kind == HaproxyDrainStep.Kind || s.Kind == HaproxyEnableStep.Kind)).ShouldBeEmpty();
        graph.Where(s => s.Kind == WaitBackendStep.Kind).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_multi_hop_upgrade_runs_the_second_hop_after_the_first_ones_online_migrations()
    {
        var plan = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "bobcat", "epoxy", new PlanOptions(Via: "caracal"));
        var graph = new PlanGraph(plan);

        plan.Hops.Select(h => $"{h.From}>{h.To}").ShouldBe(["bobcat>caracal", "caracal>epoxy"]);
        graph.Where(s => s.Id.StartsWith("epoxy/", StringComparison.Ordinal)).ShouldAllBe(s =>
            graph.Orders("caracal/finalize/nova/online-migrations", s.Id));
        graph.Where(s => s.Kind == DatabaseBackupStep.Kind).Count().ShouldBe(1);
        graph["epoxy/prepare/ctl1/apt-sources"].Argument("release").ShouldBe("epoxy");
    }
}
