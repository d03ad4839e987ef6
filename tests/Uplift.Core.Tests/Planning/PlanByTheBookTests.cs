using Uplift.Inventory;
using Uplift.Inventory.Ansible;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Haproxy;
using Uplift.Upgrade.Steps.MessageQueue;
using Uplift.Upgrade.Steps.Nodes;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.PuppetAgent;
using Uplift.Upgrade.Steps.Units;
using Uplift.Upgrade.Steps.Vip;

namespace Uplift.Tests.Planning;

/// <summary>Upstream's rules of order (services.yaml and docs/running.md cite them), on the example inventory and on a
/// kolla-style Ansible import.</summary>
public sealed class PlanByTheBookTests
{
    public static TheoryData<string> Clusters => new() { "examples/inventory.yaml", "kolla multinode" };

    private static PlanGraph PlanOf(string cluster, PlanOptions? options = null) =>
        new(Planner.Build(Inventory(cluster), PlanningInputs.Catalog, "epoxy", "flamingo", options));

    private static ClusterInventory Inventory(string cluster) => cluster == "kolla multinode"
        ? AnsibleInventoryImporter.Import(Uplift.Testing.Fixtures.Project("tests/Uplift.Core.Tests/Inventory/Ansible/multinode")).Inventory
        : PlanningInputs.Load(cluster);

    /// <summary>nova doc admin/upgrades.rst: "Before restarting services with new code, perform the release-specific
    /// readiness check with nova-status upgrade check".</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void Nova_status_runs_with_the_new_code_before_the_first_new_nova_unit_starts(string cluster)
    {
        var graph = PlanOf(cluster);
        var vip = graph["preflight/vip-holder"].Node!;
        var check = graph[$"nova/{vip}/upgrade-check"];

        check.Argument("command").ShouldBe("nova-status upgrade check");
        graph.Orders($"nova/{vip}/install", check.Id).ShouldBeTrue();
        graph.Where(s => s.Service == "nova" && s.Kind == UnitsStartStep.Kind).ShouldAllBe(s => graph.Orders(check.Id, s.Id));
    }

    /// <summary>nova doc admin/upgrades.rst, "After maintenance window": SIGHUP all services once they all run the new
    /// code, then the online data migrations.</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void Every_nova_unit_computes_included_is_signalled_after_the_last_compute_and_before_the_online_migrations(string cluster)
    {
        var graph = PlanOf(cluster);
        var signals = graph.Where(s => s.Kind == UnitsSignalStep.Kind && s.Service == "nova").ToList();
        var novaNodes = graph.Plan.Steps.Where(s => s.Service == "nova" && s.Kind == UnitsStartStep.Kind).Select(s => s.Node).Distinct().ToList();

        signals.Select(s => s.Node).Distinct().ShouldBe(novaNodes, ignoreOrder: true);
        signals.ShouldContain(s => s.Argument("units") == "nova-compute");
        // The API units reload one controller at a time, each drained out of HAProxy (real lab: every controller's at once
        // left nova's API with no server answering for 16 s).
        var apiReloads = signals.Where(s => s.Id.Contains("/api-reload/", StringComparison.Ordinal)).ToList();
        apiReloads.Select(s => s.Node).ShouldBe(graph.Plan.Steps.Where(s => s.Service == "nova" && s.Kind == UnitsStartStep.Kind && s.Argument("units")!.Contains("nova-api"))
            .Select(s => s.Node).Distinct().ToList(), ignoreOrder: true);
        foreach (var reload in apiReloads)
        {
            graph.Where(s => s.Kind == Upgrade.Steps.Haproxy.HaproxyDrainStep.Kind && s.Node == reload.Node && s.Id.StartsWith(reload.Id[..reload.Id.LastIndexOf('/')], StringComparison.Ordinal))
                .ShouldNotBeEmpty($"{reload.Id} is drained first");
            signals.Where(s => s.Id.Contains("/api-reload/", StringComparison.Ordinal) && s != reload)
                .ShouldAllBe(other => graph.Orders(reload.Id, other.Id) || graph.Orders(other.Id, reload.Id), "one controller at a time");
        }
        signals.Where(s => !s.Id.Contains("/api-reload/", StringComparison.Ordinal))
            .ShouldAllBe(s => !s.Argument("units")!.Split(' ', StringSplitOptions.None).Contains("nova-api"), "no API unit reloads outside its drained window");
        foreach (var signal in signals)
        {
            signal.Argument("signal").ShouldBe("HUP");
            graph.Where(s => s.Kind == ComputeEnableStep.Kind).ShouldAllBe(s => graph.Orders(s.Id, signal.Id));
            graph.Orders(signal.Id, "finalize/nova/online-migrations").ShouldBeTrue();
        }
    }

    /// <summary>cinder doc admin/upgrades.rst: scheduler, volume, backup, then cinder-api last; then SIGHUP every service,
    /// cinder-api restarted (it does not handle SIGHUP); all the while one cinder API stays in HAProxy.</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void Cinder_api_starts_only_after_every_volume_node_runs_the_new_code_and_is_restarted_not_signalled_at_the_end(string cluster)
    {
        var graph = PlanOf(cluster);
        var volumeStarts = graph.Where(s => s.Service == "cinder" && s.Kind == UnitsStartStep.Kind && s.Argument("units")!.Contains("cinder-volume")).ToList();
        var apiStarts = graph.Where(s => s.Service == "cinder" && s.Kind == UnitsStartStep.Kind && s.Argument("units")!.Contains("cinder-api")).ToList();
        var schedulerStarts = graph.Where(s => s.Service == "cinder" && s.Kind == UnitsStartStep.Kind && s.Argument("units")!.Contains("cinder-scheduler")).ToList();
        var controllers = graph.Where(s => s.Kind == HaproxyDrainStep.Kind && s.Service == "cinder").Select(s => s.Node).Distinct().ToList();
        var last = controllers[^1];

        volumeStarts.Count.ShouldBeGreaterThan(0);
        volumeStarts.ShouldAllBe(v => v.Argument("units")!.Contains("cinder-backup"));
        apiStarts.Select(s => s.Node).Distinct().Count().ShouldBe(controllers.Count, "each controller's API starts on the new code");
        foreach (var api in apiStarts)
        {
            volumeStarts.ShouldAllBe(v => graph.Orders(v.Id, api.Id), $"{api.Id} starts cinder-api after every volume node");
        }
        var first = graph.Where(s => s.Service == "cinder" && s.Kind == UnitsStopStep.Kind).First();
        schedulerStarts.Where(s => s.Node != last).ShouldAllBe(s => volumeStarts.All(v => graph.Orders(s.Id, v.Id)),
            "the schedulers of the controllers whose API is held are upgraded before the volume nodes");
        volumeStarts.ShouldAllBe(v => graph.Orders(first.Id, v.Id));
        graph.Where(s => s.Kind == UnitsStopStep.Kind && s.Node == last && s.Service == "cinder")
            .ShouldAllBe(stop => apiStarts.Where(a => a.Node != last).All(a => graph.Orders(a.Id, stop.Id)),
                "the last controller answers the API until the others answer on the new code");

        var signals = graph.Where(s => s.Kind == UnitsSignalStep.Kind && s.Service == "cinder").ToList();
        signals.ShouldNotBeEmpty();
        signals.ShouldAllBe(s => !s.Argument("units")!.Contains("cinder-api"));
        var restarts = graph.Where(s => s.Kind == UnitsRestartStep.Kind && s.Service == "cinder").ToList();
        restarts.Select(r => r.Node).ShouldBe(controllers, ignoreOrder: true);
        restarts.ShouldAllBe(r => r.Argument("units") == "cinder-api" && signals.All(s => graph.Orders(s.Id, r.Id)));
        restarts.ShouldAllBe(r => graph.Where(d => d.Kind == HaproxyDrainStep.Kind && d.Node == r.Node && d.Id.StartsWith("finalize/cinder/", StringComparison.Ordinal))
            .Any(d => graph.Orders(d.Id, r.Id)));
    }

    [Fact]
    public void With_one_controller_the_held_cinder_API_is_announced_as_a_planned_outage()
    {
        var inventory = InventoryLoader.Parse(
            "cluster: aio\nnodes:\n  - {name: ctl1, address: 10.0.0.11, roles: [controller, network, compute]}\n  - {name: vol1, address: 10.0.0.31, roles: [volume]}\n",
            "aio.yaml");
        var graph = new PlanGraph(Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo"));

        var marked = graph.Where(s => s.Argument(PlannedOutage.Key) == "cinder").Select(s => s.Id).ToList();

        marked.ShouldContain("cinder/ctl1/drain-cinder");
        marked.ShouldContain("cinder/ctl1/start-api");
        marked.ShouldContain("cinder/ctl1/enable-cinder");
        graph.Orders("cinder/vol1/start", "cinder/ctl1/start-api").ShouldBeTrue();
    }

    private static readonly string[] InfrastructurePackages = ["openvswitch-switch", "libvirt-daemon-system", "qemu-system-x86", "rabbitmq-server", "keepalived"];

    /// <summary>DESIGN.md §3: their maintainer scripts restart OVS, libvirt, RabbitMQ, keepalived: never cluster-wide.</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void No_prepare_step_upgrades_a_package_that_restarts_a_daemon_each_node_does_it_in_its_own_window(string cluster)
    {
        // Every compute emptied: each gets its hypervisor stack in its own window (in place, none does: InPlaceComputesTests).
        var graph = PlanOf(cluster, new PlanOptions(LiveMigrate: true));

        graph.Where(s => s.Phase == Phases.Prepare).ShouldAllBe(s => !InfrastructurePackages.Any(p => (" " + s.Argument("packages") + " ").Contains(" " + p + " ", StringComparison.Ordinal)));
        foreach (var compute in graph.Where(s => s.Kind == ComputeDisableStep.Kind).Select(s => s.Node!))
        {
            var infrastructure = graph[$"computes/{compute}/infrastructure"];
            infrastructure.Argument("packages").ShouldBe("libvirt-daemon-system qemu-system-x86 openvswitch-switch openvswitch-common");
            graph.Orders($"computes/{compute}/disable", infrastructure.Id).ShouldBeTrue();
            graph.Orders(infrastructure.Id, $"computes/{compute}/start").ShouldBeTrue("the compute's agents start on the new OVS");
        }
        var controllers = graph.Where(s => s.Id.StartsWith("infrastructure/", StringComparison.Ordinal) && s.Kind == DependenciesUpgradeStep.Kind).ToList();
        controllers.ShouldNotBeEmpty();
        controllers.ShouldAllBe(s => s.Class == ConcurrencyClasses.Restarts && s.Argument("packages") == "rabbitmq-server keepalived");
        controllers[^1].Node.ShouldBe(graph["preflight/vip-holder"].Node, "the VIP holder last");
        for (var i = 1; i < controllers.Count; i++)
        {
            graph.Orders(controllers[i - 1].Id, controllers[i].Id).ShouldBeTrue("one controller at a time");
        }
    }

    /// <summary>rabbitmq.com/docs/rolling-upgrade: one node at a time, the node and the cluster healthy before the next; the
    /// VIP moved away from its holder first (issue "by the book" 4).</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void Each_controller_s_rabbitmq_is_whole_again_before_the_next_and_the_vip_holder_goes_last_in_standby(string cluster)
    {
        var graph = PlanOf(cluster, new PlanOptions(LiveMigrate: true));
        var vip = graph["preflight/vip-holder"].Node!;
        var upgrades = graph.Where(s => s.Id.StartsWith("infrastructure/", StringComparison.Ordinal) && s.Kind == DependenciesUpgradeStep.Kind).ToList();

        foreach (var (upgrade, next) in upgrades.Zip(upgrades.Skip(1).Select(u => (PlanStep?)u).Append(null)))
        {
            var health = graph[$"infrastructure/{upgrade.Node}/rabbitmq-health"];
            health.Kind.ShouldBe(RabbitmqHealthStep.Kind);
            graph.Orders(upgrade.Id, health.Id).ShouldBeTrue();
            if (next is not null)
            {
                graph.Orders(health.Id, next.Id).ShouldBeTrue($"{next.Node} waits until {upgrade.Node}'s RabbitMQ cluster is whole");
                graph.Orders(health.Id, $"infrastructure/{vip}/standby").ShouldBeTrue();
            }
        }
        foreach (var upgrade in upgrades)
        {
            var at = $"infrastructure/{upgrade.Node}/";
            graph[at + "reboot"].Kind.ShouldBe(NodeRebootStep.Kind);
            graph.Orders(upgrade.Id, at + "reboot").ShouldBeTrue("a reboot, when needed, after its packages");
            graph.Orders(at + "reboot", at + "rabbitmq-health").ShouldBeTrue("the cluster is whole again after the reboot too");
            var drains = graph.Where(s => s.Kind == HaproxyDrainStep.Kind && s.Id.StartsWith(at, StringComparison.Ordinal)).ToList();
            drains.ShouldNotBeEmpty($"{upgrade.Node}'s APIs are drained while RabbitMQ, keepalived or the node restart");
            drains.ShouldAllBe(d => graph.Orders(d.Id, upgrade.Id));
            graph.Where(s => s.Kind == HaproxyEnableStep.Kind && s.Id.StartsWith(at, StringComparison.Ordinal))
                .ShouldAllBe(e => e.AlwaysRun && graph.Orders(at + "rabbitmq-health", e.Id));
        }
        foreach (var compute in graph.Where(s => s.Kind == ComputeDisableStep.Kind).Select(s => s.Node!))
        {
            graph.Orders($"computes/{compute}/infrastructure", $"computes/{compute}/reboot").ShouldBeTrue();
            graph.Orders($"computes/{compute}/reboot", $"computes/{compute}/stop").ShouldBeTrue("an emptied compute reboots before its new code");
        }
        graph[$"infrastructure/{vip}/standby"].Kind.ShouldBe(NodeStandbyStep.Kind);
        graph.Orders($"infrastructure/{vip}/standby", $"infrastructure/{vip}/infrastructure").ShouldBeTrue("the VIP moves away first");
        graph.Orders($"infrastructure/{vip}/rabbitmq-health", $"infrastructure/{vip}/online").ShouldBeTrue();
        graph.Where(s => s.Kind == NodeStandbyStep.Kind && s.Phase != Phases.ControlPlane).ShouldBeEmpty();
    }

    /// <summary>Issue "by the book" 7: options each hop renames or removes (release notes, config-changes.yaml) are looked
    /// for on the nodes whose services read the file, for the releases the plan crosses only.</summary>
    [Fact]
    public void The_option_lint_looks_for_the_options_of_every_release_crossed_on_the_nodes_that_read_them()
    {
        var graph = new PlanGraph(Planner.Build(Inventory("examples/inventory.yaml"), PlanningInputs.Catalog, "bobcat", "epoxy", new PlanOptions(Via: "caracal,dalmatian")));
        var controller = graph.Where(s => s.Kind == CheckConfigOptionsStep.Kind && s.Node == "ctl1").Select(s => s.Argument("options")!).ToList();
        var network = graph.Where(s => s.Kind == CheckConfigOptionsStep.Kind && s.Node == "net1").Select(s => s.Argument("options")!).ToList();

        controller.ShouldContain(o => o.Contains("/etc/nova/nova.conf|upgrade_levels|cert|", StringComparison.Ordinal), "caracal removed it");
        controller.ShouldContain(o => o.Contains("/etc/neutron/neutron.conf|DEFAULT|segment_mtu|DEFAULT/global_physnet_mtu", StringComparison.Ordinal));
        controller.ShouldAllBe(o => !o.Contains("neutron_default_tenant_id", StringComparison.Ordinal), "flamingo's rename is not crossed");
        controller.ShouldAllBe(o => !o.Contains("query_placement_for_availability_zone", StringComparison.Ordinal), "bobcat's removal is behind the cluster");
        network.ShouldContain(o => o.Contains("/etc/neutron/l3_agent.ini|DEFAULT|ovs_integration_bridge|OVS/integration_bridge", StringComparison.Ordinal));
        network.ShouldAllBe(o => !o.Contains("/etc/nova/", StringComparison.Ordinal), "a network node reads no nova.conf");
        PlanningInputs.Catalog.ConfigChanges.Count.ShouldBeGreaterThan(30);
        PlanningInputs.Catalog.ConfigChanges.ShouldAllBe(c => c.Note.Contains("releasenotes", StringComparison.Ordinal), "each entry cites its release note");
    }

    /// <summary>oslo.middleware 7.0.0 (2025.2): healthcheck is an application only; a paste pipeline that still uses it as a
    /// filter stops nova-api (seen on the lab of real OpenStack code). Pre-flight refuses it on the nodes running nova-api only.</summary>
    [Fact]
    public void Crossing_flamingo_the_healthcheck_paste_filter_stops_the_run_in_preflight_on_nodes_running_nova_api_only()
    {
        var graph = new PlanGraph(Planner.Build(Inventory("examples/inventory.yaml"), PlanningInputs.Catalog, "epoxy", "gazpacho"));
        var options = graph.Where(s => s.Kind == CheckConfigOptionsStep.Kind).ToDictionary(s => s.Node!, s => CheckConfigOptionsStep.Read(s).Options);
        var change = PlanningInputs.Catalog.ConfigChanges.Single(c => c.File == "/etc/nova/api-paste.ini");

        change.StopsService.ShouldBeTrue();
        options["ctl1"].ShouldContain(o => o.File == change.File && o.Section == "filter:healthcheck" && o.Option == "use" && o.StopsService == change.Note.Replace(';', ','));
        options["cmp1"].ShouldNotContain(o => o.File == change.File, "nova-compute does not load api-paste.ini");
        new PlanGraph(Planner.Build(Inventory("examples/inventory.yaml"), PlanningInputs.Catalog, "dalmatian", "epoxy"))
            .Where(s => s.Kind == CheckConfigOptionsStep.Kind).ShouldAllBe(s => !s.Argument("options")!.Contains("api-paste", StringComparison.Ordinal), "flamingo is not crossed");
    }

    /// <summary>neutron doc admin/migration-database.rst: "Offline migration requires all Neutron server instances in the
    /// cluster to be shutdown before you apply any contract scripts"; has_offline_migrations says whether any are pending.</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void The_neutron_contract_runs_with_every_neutron_server_stopped_and_only_if_offline_migrations_are_pending(string cluster)
    {
        var graph = PlanOf(cluster);
        var vip = graph["preflight/vip-holder"].Node!;
        var check = graph["finalize/neutron/offline-check"];
        var contract = graph[$"neutron/{vip}/db-contract"];
        var controllers = graph.Where(s => s.Service == "neutron" && s.Kind == PackagesInstallStep.Kind && s.Phase == Phases.ControlPlane)
            .Select(s => s.Node!).Where(n => graph.Where(s => s.Id == $"neutron/{n}/stop").Any(s => s.Argument("units")!.Contains("neutron-server", StringComparison.Ordinal)))
            .ToList();
        var stops = graph.Where(s => s.Id.StartsWith("finalize/neutron/", StringComparison.Ordinal) && s.Kind == UnitsStopStep.Kind).ToList();
        var starts = graph.Where(s => s.Id.StartsWith("finalize/neutron/", StringComparison.Ordinal) && s.Kind == UnitsStartStep.Kind).ToList();

        check.Argument("command").ShouldBe("neutron-db-manage has_offline_migrations");
        check.Node.ShouldBe(vip);
        controllers.Count.ShouldBeGreaterThan(1);
        stops.Select(s => s.Node).ShouldBe(controllers, ignoreOrder: true);
        stops.ShouldAllBe(s => s.Argument("units") == "neutron-server" && graph.Orders(check.Id, s.Id) && graph.Orders(s.Id, contract.Id));
        starts.Select(s => s.Node).ShouldBe(controllers, ignoreOrder: true);
        starts.ShouldAllBe(s => graph.Orders(contract.Id, s.Id));
        graph.Where(s => s.Id.StartsWith("finalize/neutron/", StringComparison.Ordinal) && s.Kind == HaproxyDrainStep.Kind)
            .ShouldAllBe(d => stops.Any(stop => stop.Node == d.Node && graph.Orders(d.Id, stop.Id)));
        graph.Where(s => s.Group == check.Group && s.Id != check.Id).Append(contract)
            .ShouldAllBe(s => s.Argument(StepCondition.Key) == "finalize/neutron/offline-check exited 1");
        graph.Where(s => s.Argument(PlannedOutage.Key) == "neutron").Select(s => s.Kind).Distinct()
            .ShouldBe([HaproxyDrainStep.Kind, UnitsStopStep.Kind, DatabaseContractStep.Kind, UnitsStartStep.Kind, WaitBackendStep.Kind, HaproxyEnableStep.Kind], ignoreOrder: true);
        check.Group.ShouldContain("a planned neutron API outage");
        graph.Where(s => s.Kind == DatabaseContractStep.Kind && s.Service != "neutron").ShouldAllBe(s => s.Argument(StepCondition.Key) == null);
    }

    /// <summary>The VIP may move during a run (a controller in standby, a failover): a server drained only in the planned
    /// holder's HAProxy would still get traffic from the new holder's. Every controller runs an HAProxy
    /// (docs/inventory.md, haproxy.socket): drains, enables and the pre-flight check name all of them.</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void Every_drain_and_enable_acts_on_every_controller_s_HAProxy_the_planned_VIP_holder_first(string cluster)
    {
        var graph = PlanOf(cluster);
        var vip = graph["preflight/vip-holder"].Node!;
        var controllers = Inventory(cluster).WithRole(Role.Controller).Select(n => n.Name).ToList();
        var expected = string.Join(' ', controllers.Where(c => c == vip).Concat(controllers.Where(c => c != vip)));
        var haproxySteps = graph.Where(s => (s.Kind == HaproxyDrainStep.Kind || s.Kind == HaproxyEnableStep.Kind || s.Kind == CheckHaproxyBackendsStep.Kind)).ToList();

        controllers.Count.ShouldBeGreaterThan(1);
        haproxySteps.Count.ShouldBeGreaterThan(controllers.Count);
        haproxySteps.ShouldAllBe(s => s.Argument("haproxy-nodes") == expected);
    }

    /// <summary>Issue "by the book" 6: with puppet managing the nodes, its agent runs once on every node after it was
    /// enabled again, controllers one at a time.</summary>
    [Fact]
    public void With_puppet_managing_the_nodes_its_agent_runs_once_on_every_node_after_enable_controllers_one_at_a_time()
    {
        var graph = PlanOf("examples/inventory.yaml");
        var runs = graph.Where(s => s.Kind == PuppetRunStep.Kind).ToList();
        var controllers = runs.Where(r => r.Node!.StartsWith("ctl", StringComparison.Ordinal)).ToList();

        runs.Select(r => r.Node).ShouldBe(Inventory("examples/inventory.yaml").Nodes.Select(n => n.Name));
        runs.ShouldAllBe(r => graph.Orders($"finalize/{r.Node}/puppet-enable", r.Id));
        controllers.Count.ShouldBe(3);
        // Controllers one at a time, each drained out of every HAProxy while its agent runs; the others in a bounded window.
        controllers.Zip(controllers.Skip(1)).ShouldAllBe(p => graph.Orders(p.First.Id, p.Second.Id));
        controllers.ShouldAllBe(r => graph.Orders($"finalize/{r.Node}/puppet/drain-nova", r.Id));
        graph.Where(s => s.Kind == PuppetRunStep.Kind && s.Node!.StartsWith("cmp", StringComparison.Ordinal))
            .ShouldAllBe(s => s.After.Count == 0 && s.Class == ConcurrencyClasses.PuppetRuns);
        PlanOf("kolla multinode").Where(s => s.Kind == PuppetRunStep.Kind).ShouldBeEmpty("the import does not say puppet manages the nodes");
    }

    /// <summary>Issue "by the book" 7: every node's services' /etc is backed up before anything is installed on it.</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void Every_node_s_etc_is_backed_up_before_anything_is_installed_on_it(string cluster)
    {
        var graph = PlanOf(cluster);
        var backups = graph.Where(s => s.Kind == ConfigBackupStep.Kind).ToList();
        var installs = graph.Where(s => (s.Kind == AptSourcesStep.Kind || s.Kind == DependenciesUpgradeStep.Kind || s.Kind == PackagesInstallStep.Kind)).ToList();

        backups.Select(b => b.Node).ShouldBe(Inventory(cluster).Nodes.Select(n => n.Name), ignoreOrder: true);
        installs.ShouldAllBe(i => graph.Orders($"prepare/{i.Node}/etc-backup", i.Id));
        backups.ShouldAllBe(b => b.Argument("name") == $"etc-{b.Node}-before-flamingo.tar.gz");
        var compute = backups.First(b => b.Node!.Contains("cmp", StringComparison.Ordinal) || b.Node!.Contains("compute", StringComparison.Ordinal));
        compute.Argument("directories").ShouldBe("/etc/nova /etc/neutron");
    }

    /// <summary>A service the site's catalog leaves out (nothing on the controllers: kept on its release) has no schema
    /// expanded, so none contracted: its old code is never run against the schema (the lab's glance, whose Epoxy
    /// glance-manage dies on Gazpacho's oslo.db).</summary>
    [Fact]
    public void A_service_left_out_of_the_upgrade_gets_no_contract_while_the_others_keep_theirs()
    {
        var catalog = Uplift.Catalog.CatalogLoader.WithOverlay(System.Text.Encoding.UTF8.GetBytes("""
            catalog-version: site-1
            services:
              - name: glance
                units: {controller: []}
                packages: {controller: []}
            """), "site.yaml");

        var plan = Planner.Build(PlanningInputs.Load("examples/inventory.yaml"), catalog, "epoxy", "flamingo");

        plan.Steps.ShouldNotContain(s => s.Id.StartsWith("glance/", StringComparison.Ordinal) && s.Id.Contains("/db-", StringComparison.Ordinal));
        plan.Steps.ShouldContain(s => s.Id.StartsWith("keystone/", StringComparison.Ordinal) && s.Id.EndsWith("/db-contract", StringComparison.Ordinal));
        Planner.Build(PlanningInputs.Load("examples/inventory.yaml"), PlanningInputs.Catalog, "epoxy", "flamingo").Steps
            .ShouldContain(s => s.Id.StartsWith("glance/", StringComparison.Ordinal) && s.Id.EndsWith("/db-contract", StringComparison.Ordinal), "glance's own contract, when it is upgraded");
    }

    /// <summary>keystonemiddleware 13.0.0 (2026.2) requires a role of service_token_roles in service tokens by default
    /// (releasenotes/notes/service-token-roles-required-default-true-8a4f52c3d9b7e1f6.yaml): a hop into hibiscus checks,
    /// in pre-flight on every node, that each planned service's [service_user] there holds it; a hop before it does not.</summary>
    [Fact]
    public void A_hop_into_the_release_requiring_the_service_role_checks_every_nodes_service_users_in_preflight_and_one_before_it_does_not()
    {
        var inventory = Inventory("examples/inventory.yaml");
        var graph = new PlanGraph(Planner.Build(inventory, PlanningInputs.Catalog, "gazpacho", "hibiscus"));
        var checks = graph.Where(s => s.Kind == Uplift.Upgrade.Steps.ApiChecks.CheckServiceTokenRolesStep.Kind).ToList();
        var controller = Uplift.Upgrade.Steps.ApiChecks.CheckServiceTokenRolesStep.Read(graph["preflight/ctl1/service-token-roles"]);
        var compute = Uplift.Upgrade.Steps.ApiChecks.CheckServiceTokenRolesStep.Read(graph[$"preflight/{inventory.WithRole(Role.Compute).First().Name}/service-token-roles"]);

        checks.Select(c => c.Node).ShouldBe(inventory.Nodes.Select(n => n.Name), ignoreOrder: true);
        controller.Roles.ShouldBe(["service"]);
        controller.Files.ShouldContain("/etc/nova/nova.conf");
        controller.Files.ShouldContain("/etc/cinder/cinder.conf");
        controller.Note.ShouldContain("keystonemiddleware 13.0.0");
        compute.Files.ShouldContain("/etc/nova/nova.conf");
        compute.Files.ShouldNotContain("/etc/cinder/cinder.conf");
        checks.ShouldAllBe(c => graph.Orders(c.Id, "preflight/done") && graph.Orders($"preflight/{c.Node}/reachable", c.Id));
        PlanOf("examples/inventory.yaml").Where(s => s.Kind == Uplift.Upgrade.Steps.ApiChecks.CheckServiceTokenRolesStep.Kind).ShouldBeEmpty();
    }
}
