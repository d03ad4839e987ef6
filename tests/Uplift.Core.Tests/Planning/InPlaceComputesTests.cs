using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.MessageQueue;
using Uplift.Upgrade.Steps.Nodes;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Tests.Planning;

/// <summary>
/// Issue "seed parity" 1 and 2: a compute is upgraded in place, its instances running, unless its hypervisor stack moves
/// (read from the nodes into the plan inputs) or the operator empties every compute; the plan says why a compute is
/// emptied. Its neutron agents restart paced behind the queue gate, like those of network nodes.
/// </summary>
public sealed class InPlaceComputesTests
{
    public static TheoryData<string> Clusters => new() { "examples/inventory.yaml", "examples/large-inventory.yaml" };

    private static PlanGraph PlanOf(string cluster, PlanOptions? options = null) =>
        new(Planner.Build(PlanningInputs.Load(cluster), PlanningInputs.Catalog, "epoxy", "flamingo", options));

    private static List<string> Computes(PlanGraph graph) => graph.Where(s => s.Kind == ComputeDisableStep.Kind).Select(s => s.Node!).ToList();

    [Theory]
    [MemberData(nameof(Clusters))]
    public void By_default_every_compute_is_upgraded_in_place_keeping_its_hypervisor_stack(string cluster)
    {
        var graph = PlanOf(cluster);
        var stack = PlanningInputs.Catalog.HypervisorStack.Keys.Order(StringComparer.Ordinal).ToList();

        stack.ShouldContain("libvirt-daemon-system");
        foreach (var compute in Computes(graph))
        {
            var at = $"computes/{compute}/";
            var own = graph.Where(s => s.Id.StartsWith(at, StringComparison.Ordinal)).Select(s => s.Kind).ToList();
            own.ShouldNotContain(ComputeMigrateInstancesStep.Kind);
            own.ShouldNotContain(ComputeCheckEmptyStep.Kind);
            own.ShouldNotContain(NodeRebootStep.Kind, "a compute upgraded in place is never rebooted under its instances");
            graph.Where(s => s.Id == at + "infrastructure").ShouldBeEmpty("its infrastructure packages are all of its hypervisor stack");
            PackagesInstallStep.Read(graph[at + "install"]).Kept.ShouldBe(stack);
            // Its dependencies in its own window, the stack kept: Debian's libvirt-daemon-system depends on libvirt-clients
            // of its own version, so upgrading libvirt-clients in "prepare" would restart libvirtd under the instances.
            graph.Where(s => s.Id == $"prepare/{compute}/dependencies").ShouldBeEmpty();
            var dependencies = DependenciesUpgradeStep.Read(graph[at + "dependencies"]);
            dependencies.Packages.ShouldContain("libvirt-clients");
            dependencies.Kept.ShouldBe(stack);
            graph.Orders(at + "disable", at + "dependencies").ShouldBeTrue();
            graph.Orders(at + "dependencies", at + "stop").ShouldBeTrue();
        }
    }

    [Fact]
    public void A_compute_whose_hypervisor_stack_moves_is_emptied_first_and_the_plan_says_why()
    {
        var moving = "cmp2:libvirt-daemon-system=11.3.0-3+deb13u3>12.8.0-1 cmp2:qemu-system-x86=1:10.0.13+ds-0+deb13u1>1:11.1.2+ds-3";
        var graph = PlanOf("examples/inventory.yaml", new PlanOptions(HypervisorUpgrades: moving));

        var check = ComputeCheckEmptyStep.Read(graph["computes/cmp2/check-empty"]);
        check.Why.ShouldNotBeNull();
        check.Why.ShouldContain("libvirt-daemon-system 11.3.0-3+deb13u3 → 12.8.0-1");
        check.Why.ShouldContain("qemu-system-x86 1:10.0.13+ds-0+deb13u1 → 1:11.1.2+ds-3");
        check.Why.ShouldContain(PlanningInputs.Catalog.HypervisorStack["libvirt-daemon-system"]);
        // Emptied, it gets its hypervisor stack and, when needed, its reboot in its own window, before its new code.
        graph.Orders("computes/cmp2/check-empty", "computes/cmp2/infrastructure").ShouldBeTrue();
        graph.Orders("computes/cmp2/infrastructure", "computes/cmp2/reboot").ShouldBeTrue();
        graph.Orders("computes/cmp2/reboot", "computes/cmp2/stop").ShouldBeTrue();
        PackagesInstallStep.Read(graph["computes/cmp2/install"]).Kept.ShouldBeEmpty();
        DependenciesUpgradeStep.Read(graph["computes/cmp2/dependencies"]).Kept.ShouldBeEmpty();
        graph.Orders("computes/cmp2/reboot", "computes/cmp2/dependencies").ShouldBeTrue("emptied, its dependencies move with its stack");
        // The others stay in place.
        Computes(graph).Where(c => c != "cmp2").ShouldAllBe(c => !graph.Where(s => s.Id == $"computes/{c}/check-empty").Any());
    }

    [Fact]
    public void Without_live_migration_an_emptied_compute_is_checked_empty_with_it_its_instances_move_first()
    {
        var moving = "cmp4:openvswitch-switch=3.5.0-1>3.6.0-2";
        var refused = PlanOf("examples/inventory.yaml", new PlanOptions(HypervisorUpgrades: moving));
        var migrated = PlanOf("examples/inventory.yaml", new PlanOptions(LiveMigrate: true, HypervisorUpgrades: moving));
        var allowed = PlanOf("examples/inventory.yaml", new PlanOptions(AllowInstances: true, HypervisorUpgrades: moving));

        refused.Where(s => s.Kind == ComputeMigrateInstancesStep.Kind).ShouldBeEmpty();
        refused["computes/cmp4/check-empty"].Kind.ShouldBe(ComputeCheckEmptyStep.Kind);
        // --live-migrate empties every compute, saying so.
        Computes(migrated).ShouldAllBe(c => migrated.Orders($"computes/{c}/migrate", $"computes/{c}/check-empty"));
        ComputeCheckEmptyStep.Read(migrated["computes/cmp1/check-empty"]).Why.ShouldBe("--live-migrate empties every compute");
        // --allow-instances goes on with instances but still moves the stack in the compute's window.
        allowed.Where(s => s.Kind == ComputeCheckEmptyStep.Kind).ShouldBeEmpty();
        allowed["computes/cmp4/infrastructure"].Kind.ShouldBe(DependenciesUpgradeStep.Kind);
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void A_computes_neutron_agents_start_paced_behind_the_queue_gate_after_its_nova_compute(string cluster)
    {
        var graph = PlanOf(cluster);
        var inventory = PlanningInputs.Load(cluster);
        var agents = graph.Plan.Classes.Single(c => c.Name == ConcurrencyClasses.ComputeAgents);

        agents.Limit.ShouldBe(inventory.Concurrency.ComputeNeutronAgents);
        foreach (var compute in Computes(graph))
        {
            var at = $"computes/{compute}/";
            var gate = graph[at + QueueGateStep.Name];
            var start = graph[at + "start-agents"];
            QueueGateStep.Read(gate).LeftOut.ShouldBe(PlanningInputs.Catalog.QueueGate.LeaveOut);
            QueueGateStep.Read(gate).MaxMessages.ShouldBe(PlanningInputs.Catalog.QueueGate.MaxMessages);
            start.Argument("units").ShouldBe("neutron-openvswitch-agent");
            start.PauseAfterSeconds.ShouldBe(inventory.Concurrency.NeutronAgentPauseSeconds);
            new[] { gate.Class, start.Class }.ShouldAllBe(c => c == ConcurrencyClasses.ComputeAgents);
            graph.Orders(at + "start", gate.Id).ShouldBeTrue("nova-compute first, then the agent");
            graph.Orders(gate.Id, start.Id).ShouldBeTrue();
            graph.Orders(start.Id, at + "wait-up").ShouldBeTrue();
            graph[at + "start"].Argument("units").ShouldBe("nova-compute");
            (graph[at + "stop"].Argument("units") ?? "").ShouldContain("neutron-openvswitch-agent", customMessage: "stopped before the install, so apt does not restart it unpaced");
        }
    }

    [Fact]
    public void Every_neutron_agent_restart_of_the_plan_waits_behind_a_queue_gate()
    {
        var graph = PlanOf("examples/large-inventory.yaml");
        var agentStarts = graph.Where(s => s.Kind == UnitsStartStep.Kind && (s.Argument("units") ?? "").Contains("neutron-", StringComparison.Ordinal)
            && !s.Argument("units")!.Contains("neutron-server", StringComparison.Ordinal)).ToList();

        agentStarts.Count.ShouldBe(12 + 83, "every network node and every compute");
        foreach (var start in agentStarts)
        {
            graph.Where(s => s.Kind == QueueGateStep.Kind && s.Node == start.Node).ShouldContain(g => graph.Orders(g.Id, start.Id), start.Id);
            start.PauseAfterSeconds.ShouldBeGreaterThan(0, start.Id);
        }
    }

    [Fact]
    public void Hypervisor_upgrades_read_from_the_nodes_round_trip_through_plan_inputs()
    {
        var upgrades = new[] { new HypervisorUpgrade("cmp1", "qemu-system-x86", "1:10.0.13+ds-0+deb13u1", "1:11.1.2+ds-3") };
        var text = HypervisorUpgrade.Format(upgrades);
        var plan = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo", new PlanOptions(HypervisorUpgrades: text));

        HypervisorUpgrade.Parse(text).ShouldBe(upgrades);
        PlanJson.Parse(System.Text.Encoding.UTF8.GetBytes(PlanJson.Write(plan)), "plan.json").Inputs.Options.HypervisorUpgrades.ShouldBe(text);
    }
}
