using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Haproxy;
using Uplift.Upgrade.Steps.MessageQueue;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.PuppetAgent;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Planning;

/// <summary>
/// Issue "seed parity" on a cluster shaped like the seed's (examples/seed-inventory.yaml: 3 controllers, 12 network,
/// 83 computes of which 9 run cinder-volume, 4 volume, swift proxies and storage, telemetry and Ceph nodes): what the
/// seed's script does, Uplift plans, and safer.
/// </summary>
public sealed class SeedParityTests
{
    private static readonly ClusterInventory Seed = PlanningInputs.Load("examples/seed-inventory.yaml");
    private static readonly PlanGraph Graph = new(Planner.Build(Seed, PlanningInputs.Catalog, "epoxy", "flamingo"));

    private static IEnumerable<string> Named(string prefix) => Seed.Nodes.Select(n => n.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Ceph_nodes_are_left_alone_and_every_other_node_gets_its_sources()
    {
        Graph.Where(s => s.Nodes.Any(n => n.StartsWith("ceph", StringComparison.Ordinal))).ShouldBeEmpty();
        Graph.Where(s => s.Kind == AptSourcesStep.Kind).Select(s => s.Node)
            .ShouldBe(Seed.Nodes.Where(n => !n.Has(Role.Ceph)).Select(n => n.Name), ignoreOrder: true);
    }

    [Fact]
    public void Every_compute_is_upgraded_in_place_with_its_ceilometer_agent_and_its_neutron_agent_paced()
    {
        var computes = Graph.Where(s => s.Kind == ComputeDisableStep.Kind).Select(s => s.Node!).ToList();

        computes.Count.ShouldBe(83);
        Graph.Where(s => s.Kind == ComputeCheckEmptyStep.Kind || s.Kind == ComputeMigrateInstancesStep.Kind).ShouldBeEmpty();
        foreach (var compute in computes)
        {
            Graph[$"computes/{compute}/start"].Argument("units").ShouldBe("nova-compute ceilometer-agent-compute");
            Graph.Orders($"computes/{compute}/{QueueGateStep.Name}", $"computes/{compute}/start-agents").ShouldBeTrue();
        }
    }

    [Fact]
    public void Computes_running_cinder_volume_move_it_with_the_volume_nodes_before_the_held_cinder_apis_start()
    {
        var volumeStarts = Graph.Where(s => s.Service == "cinder" && s.Kind == UnitsStartStep.Kind && s.Argument("units")!.Contains("cinder-volume"))
            .Select(s => s.Node).ToList();

        volumeStarts.ShouldBe([.. Named("cmp").Take(9), .. Named("vol")], ignoreOrder: true);
        foreach (var node in volumeStarts)
        {
            Graph.Orders($"cinder/{node}/start", "cinder/ctl1/start-api").ShouldBeTrue(node);
        }
        foreach (var compute in Named("cmp").Take(9))
        {
            Graph.Orders($"cinder/{compute}/start", $"computes/{compute}/disable").ShouldBeTrue("the control plane is done before the computes");
        }
    }

    [Fact]
    public void Every_neutron_agent_restart_is_paced_behind_a_queue_gate()
    {
        var gates = Graph.Where(s => s.Kind == QueueGateStep.Kind).Select(s => s.Node).ToList();

        gates.ShouldBe([.. Named("net"), .. Named("cmp")], ignoreOrder: true);
    }

    [Fact]
    public void Swift_storage_nodes_go_one_at_a_time_then_the_proxies_one_at_a_time_each_drained()
    {
        var storage = Named("sws").ToList();
        var proxies = Named("swp").ToList();

        for (var i = 1; i < storage.Count; i++)
        {
            Graph.Orders($"swift/{storage[i - 1]}/start", $"swift/{storage[i]}/stop").ShouldBeTrue($"{storage[i]} after {storage[i - 1]}");
        }
        Graph.Orders($"swift/{storage[^1]}/start", $"swift/{proxies[0]}/drain-swift").ShouldBeTrue("storage before the proxies");
        for (var i = 1; i < proxies.Count; i++)
        {
            Graph.Orders($"swift/{proxies[i - 1]}/enable-swift", $"swift/{proxies[i]}/drain-swift").ShouldBeTrue();
        }
        foreach (var proxy in proxies)
        {
            Graph[$"swift/{proxy}/drain-swift"].Kind.ShouldBe(HaproxyDrainStep.Kind);
            Graph.Orders($"swift/{proxy}/drain-swift", $"swift/{proxy}/stop").ShouldBeTrue();
        }
    }

    [Fact]
    public void Gnocchi_is_upgraded_on_the_vip_holder_with_its_schema_first_then_the_telemetry_nodes_one_at_a_time_drained()
    {
        var telemetry = Named("tel").ToList();

        Graph["gnocchi/ctl1/db-sync"].Argument("command").ShouldBe("gnocchi-upgrade");
        foreach (var node in telemetry)
        {
            Graph.Orders("gnocchi/ctl1/db-sync", $"gnocchi/{node}/start").ShouldBeTrue();
            Graph.Orders($"gnocchi/{node}/drain-gnocchi", $"gnocchi/{node}/stop").ShouldBeTrue();
        }
        Graph.Orders($"gnocchi/{telemetry[0]}/enable-gnocchi", $"gnocchi/{telemetry[1]}/drain-gnocchi").ShouldBeTrue();
        Graph.Orders("gnocchi/done", "ceilometer/ctl1/stop").ShouldBeTrue("ceilometer stores into gnocchi: after it");
    }

    [Fact]
    public void The_puppet_master_moves_to_the_target_first_once_every_agent_is_disabled_and_gets_no_other_step()
    {
        var agents = Graph.Where(s => s.Kind == PuppetDisableStep.Kind).ToList();
        var master = Graph.Where(s => s.Node == "oci").Select(s => s.Id).ToList();

        agents.Count.ShouldBe(Seed.Managed.Nodes.Count);
        master.ShouldBe(["prepare/oci/apt-sources", "prepare/oci/apt-update", "prepare/oci/dist-upgrade", "prepare/oci/release-name", "prepare/oci/restart-server"]);
        agents.ShouldAllBe(a => Graph.Orders(a.Id, "prepare/oci/apt-sources"));
        var release = ConfigSetStep.Read(Graph["prepare/oci/release-name"]);
        release.ShouldBe(new ConfigSetStep("/etc/openstack-cluster-installer/openstack-cluster-installer.conf", "releasenames", "openstack_release", "flamingo"));
        Graph["prepare/oci/restart-server"].Argument("units").ShouldBe("puppetserver");
        Graph.Orders("prepare/oci/restart-server", "prepare/done").ShouldBeTrue();
    }

    [Fact]
    public void Agents_run_last_in_a_bounded_window_controllers_one_at_a_time_drained()
    {
        var runs = Graph.Where(s => s.Kind == PuppetRunStep.Kind).ToList();
        var controllers = runs.Where(r => r.Node!.StartsWith("ctl", StringComparison.Ordinal)).ToList();

        runs.Select(r => r.Node).ShouldBe(Seed.Managed.Nodes.Select(n => n.Name), ignoreOrder: true);
        runs.ShouldAllBe(r => Graph.Orders("computes/done", r.Id));
        runs.Except(controllers).ShouldAllBe(r => r.Class == ConcurrencyClasses.PuppetRuns);
        Graph.Plan.Classes.Single(c => c.Name == ConcurrencyClasses.PuppetRuns).Limit.ShouldBe(8);
        for (var i = 0; i < controllers.Count; i++)
        {
            var node = controllers[i].Node!;
            var drains = Graph.Where(s => s.Kind == HaproxyDrainStep.Kind && s.Id.StartsWith($"finalize/{node}/puppet/", StringComparison.Ordinal)).ToList();
            drains.ShouldNotBeEmpty(node);
            var run = controllers[i].Id;
            drains.ShouldAllBe(d => Graph.Orders(d.Id, run));
            if (i > 0)
            {
                Graph.Orders(controllers[i - 1].Id, controllers[i].Id).ShouldBeTrue("one controller at a time");
            }
        }
    }

    /// <summary>Debian's keystone postinst fails on a masked unit (it enables the unit under set -e): keystone keeps running,
    /// drained, through its install and restarts on the new code after its DB steps, upgrade and rollback alike.</summary>
    [Fact]
    public void Keystone_runs_drained_through_its_install_and_restarts_on_the_new_code_after_its_schema_steps()
    {
        PlanningInputs.Catalog.FindService("keystone")!.RunsWhileInstalling.ShouldBeTrue();
        Graph.Where(s => s.Service == "keystone" && s.Kind == UnitsStopStep.Kind).ShouldBeEmpty();
        foreach (var node in Named("ctl"))
        {
            var at = $"keystone/{node}/";
            Graph.Orders(at + "drain-keystonepub", at + "install").ShouldBeTrue();
            Graph[at + "restart"].Kind.ShouldBe(UnitsRestartStep.Kind);
            Graph.Orders(at + "install", at + "restart").ShouldBeTrue();
            Graph.Orders(at + "restart", at + "wait-keystonepub").ShouldBeTrue();
        }
        Graph.Orders("keystone/ctl1/db-migrate", "keystone/ctl1/restart").ShouldBeTrue("the schema is expanded and migrated before the new code runs");
    }
}
