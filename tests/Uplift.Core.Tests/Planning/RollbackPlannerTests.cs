using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.EndState;
using Uplift.Upgrade.Steps.Haproxy;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Planning;

/// <summary>
/// The rollback runbook of a run stopped half way (issue "by the book" 8): schemas restored from the run's verified backup
/// with every touched unit stopped (DB downgrades are not supported upstream), then each node back on the old release.
/// </summary>
public sealed class RollbackPlannerTests
{
    private static readonly ClusterInventory Example = PlanningInputs.Load("examples/inventory.yaml");

    private static readonly Plan Run = Planner.Build(Example, PlanningInputs.Catalog, "epoxy", "flamingo");

    private static readonly string[] BeforeComputes = [Phases.Preflight, Phases.Backup, Phases.PendingMigrations, Phases.Prepare, Phases.ControlPlane];

    /// <summary>The run went through the control plane and stopped before the computes.</summary>
    private static HashSet<string> ReachedBeforeComputes() => [.. Run.Steps.Where(s => BeforeComputes.Contains(s.Phase)).Select(s => s.Id)];

    private static PlanGraph Rollback(IReadOnlySet<string> reached) =>
        new(RollbackPlanner.Build(Run, reached, Example, PlanningInputs.Catalog));

    [Fact]
    public void A_run_stopped_before_the_computes_is_rolled_back_from_flamingo_to_epoxy()
    {
        var plan = Rollback(ReachedBeforeComputes()).Plan;

        plan.Mode.ShouldBe("rollback");
        plan.Hops.ShouldBe([new PlanHop("flamingo", "epoxy")]);
        plan.Inputs.Options.RollbackOf.ShouldStartWith(Run.InputsHash + " ");
        plan.Steps.Where(s => s.Kind == VerifyEndStateStep.Kind).ShouldAllBe(s => s.Argument("release") == "epoxy");
    }

    [Fact]
    public void Every_schema_a_db_step_changed_is_restored_one_at_a_time_after_every_unit_of_its_service_stopped()
    {
        var graph = Rollback(ReachedBeforeComputes());
        var restores = graph.Where(s => s.Kind == DatabaseRestoreStep.Kind).ToList();

        restores.Select(r => r.Argument("schema")).ShouldBe(["keystone", "glance", "placement", "nova_api", "nova", "nova_cell0", "neutron", "cinder", "heat", "barbican"]);
        restores.ShouldAllBe(r => r.Argument("backup-id") == Run.Steps.Single(s => s.Kind == DatabaseBackupVerifyStep.Kind).Argument("backup-id"));
        graph.Orders("rollback/backup-verified", restores[0].Id).ShouldBeTrue("restored only from a verified backup");
        for (var i = 1; i < restores.Count; i++)
        {
            graph.Orders(restores[i - 1].Id, restores[i].Id).ShouldBeTrue("one schema at a time");
        }
        var stops = graph.Where(s => s.Kind == UnitsStopStep.Kind).ToList();
        stops.Select(s => s.Node).ShouldContain("cmp1", "nova-compute stops too: its service's schema is restored");
        stops.ShouldAllBe(s => graph.Orders(s.Id, restores[0].Id));
        graph.Where(s => s.Kind == HaproxyDrainStep.Kind).ShouldAllBe(d => graph.Orders(d.Id, $"rollback/{d.Node}/stop"));
    }

    [Fact]
    public void Each_node_goes_back_to_the_epoxy_repository_its_packages_and_its_etc_before_its_units_start()
    {
        var graph = Rollback(ReachedBeforeComputes());

        graph["rollback/ctl1/apt-sources"].Argument("content").ShouldBe(PlanningInputs.Catalog.Apt.ContentFor(PlanningInputs.Catalog.FindRelease("epoxy")!));
        var packages = graph["rollback/ctl1/packages"];
        packages.Kind.ShouldBe(PackagesDowngradeStep.Kind);
        packages.Argument("release").ShouldBe("epoxy");
        packages.Argument("packages")!.Split(' ').ShouldContain("python3-nova");
        packages.Argument("packages")!.Split(' ').ShouldNotContain("rabbitmq-server", "infrastructure packages do not go back a series");
        graph.Orders("rollback/ctl1/apt-update", packages.Id).ShouldBeTrue();
        graph.Orders(packages.Id, "rollback/ctl1/etc-restore").ShouldBeTrue();
        graph.Orders("rollback/ctl1/etc-restore", "rollback/ctl1/start").ShouldBeTrue();
        graph["rollback/ctl1/etc-restore"].Argument("name").ShouldBe(Run.Steps.Single(s => s.Id == "prepare/ctl1/etc-backup").Argument("name"));
        // A compute's dependencies move in its own window, not in "prepare": none was reached, no package goes back there.
        graph.Where(s => s.Id == "rollback/cmp1/packages").ShouldBeEmpty("the computes' dependencies and install were not reached");
        graph["rollback/vol1/packages"].Argument("packages")!.Split(' ').ShouldContain("python3-oslo.messaging", "prepare upgraded the volume nodes' dependencies");
        graph.Where(s => s.Kind == HaproxyEnableStep.Kind).ShouldAllBe(e => e.AlwaysRun);
    }

    [Fact]
    public void A_run_that_only_read_the_nodes_has_nothing_to_roll_back()
    {
        var error = Should.Throw<InputException>(() => Rollback(Run.Steps.Where(s => s.Phase == Phases.Preflight).Select(s => s.Id).ToHashSet()));

        error.Message.ShouldContain("nothing to roll back");
    }

    [Fact]
    public void A_run_that_reached_the_prepare_phase_only_puts_back_the_sources_and_dependencies_and_restores_no_schema()
    {
        var graph = Rollback(Run.Steps.Where(s => s.Phase is Phases.Preflight or Phases.Prepare).Select(s => s.Id).ToHashSet());

        graph.Where(s => s.Kind == DatabaseRestoreStep.Kind).ShouldBeEmpty();
        graph.Where(s => s.Kind == UnitsStopStep.Kind).ShouldBeEmpty();
        graph.Where(s => s.Kind == AptSourcesStep.Kind).Count().ShouldBe(Example.Nodes.Count);
    }

    [Fact]
    public void A_rollback_of_a_rollback_is_refused()
    {
        var rollback = Rollback(ReachedBeforeComputes()).Plan;

        Should.Throw<InputException>(() => RollbackPlanner.Build(rollback, rollback.Steps.Select(s => s.Id).ToHashSet(), Example, PlanningInputs.Catalog))
            .Message.ShouldContain("itself a rollback");
    }

    [Fact]
    public void A_rollback_plan_survives_its_json_and_is_named_by_the_steps_reached()
    {
        var first = Rollback(ReachedBeforeComputes()).Plan;
        var fewer = ReachedBeforeComputes();
        fewer.RemoveWhere(id => id.StartsWith("barbican/", StringComparison.Ordinal));

        var read = PlanJson.Parse(System.Text.Encoding.UTF8.GetBytes(PlanJson.Write(first)), "rollback.json");

        read.Inputs.Options.ShouldBe(first.Inputs.Options);
        read.Mode.ShouldBe("rollback");
        Rollback(fewer).Plan.InputsHash.ShouldNotBe(first.InputsHash);
    }
}
