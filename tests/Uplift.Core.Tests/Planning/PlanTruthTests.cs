using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.EndState;

namespace Uplift.Tests.Planning;

/// <summary>What the plan does so that a run believes the nodes (DESIGN.md §3b): pre-flight only reads, install steps
/// name the code they must leave, and every node's end state is verified last.</summary>
public sealed class PlanTruthTests
{
    public static TheoryData<string> Clusters => new() { "examples/inventory.yaml", "examples/large-inventory.yaml" };

    private static PlanGraph PlanOf(string inventory) =>
        new(Planner.Build(PlanningInputs.Load(inventory), PlanningInputs.Catalog, "epoxy", "flamingo"));

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Pre_flight_writes_nothing_and_the_previous_online_migrations_run_after_the_backup(string inventory)
    {
        var graph = PlanOf(inventory);

        graph.Where(s => s.Phase == Phases.Preflight).ShouldAllBe(s => s.Kind != CheckOnlineMigrationsStep.Kind && s.Kind != OnlineMigrationsStep.Kind);
        var pending = graph.Where(s => s.Kind == CheckOnlineMigrationsStep.Kind).ToList();
        pending.Select(s => s.Service).ShouldBe(["placement", "nova", "cinder"]);
        pending.ShouldAllBe(s => s.Phase == Phases.PendingMigrations && graph.Orders("backup/verify", s.Id));
        graph.Where(s => s.Phase == Phases.ControlPlane).ShouldAllBe(s => graph.Orders("pending-migrations/done", s.Id));
    }

    [Fact]
    public void Every_install_of_a_service_s_code_names_the_major_its_code_package_must_have()
    {
        var graph = PlanOf("examples/inventory.yaml");

        graph["nova/ctl1/install"].Argument("code").ShouldBe("python3-nova=32");
        graph["keystone/ctl1/install"].Argument("code").ShouldBe("python3-keystone=28");
        graph["computes/cmp1/install"].Argument("code").ShouldBe("python3-nova=32 python3-neutron=27");
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void Every_node_s_end_state_is_verified_after_everything_else(string inventory)
    {
        var graph = PlanOf(inventory);
        var checks = graph.Where(s => s.Kind == VerifyEndStateStep.Kind).ToList();

        checks.Select(s => s.Node).ShouldBe(graph.Plan.Steps.SelectMany(s => s.Nodes).Distinct(), ignoreOrder: true);
        checks.ShouldAllBe(s => s.Phase == Phases.Verify && graph.Orders("finalize/done", s.Id));
        graph.Plan.Steps[^1].Id.ShouldBe("verify/done");
    }

    [Fact]
    public void A_compute_s_end_state_names_its_services_code_packages_and_units()
    {
        var check = PlanOf("examples/inventory.yaml")["verify/cmp1/end-state"];

        check.Argument("release").ShouldBe("flamingo");
        check.Argument(VerifyEndStateStep.CodeKey + "nova").ShouldBe("python3-nova 32");
        check.Argument(VerifyEndStateStep.UnitsKey + "nova").ShouldBe("nova-compute");
        check.Argument(VerifyEndStateStep.CodeKey + "neutron").ShouldBe("python3-neutron 27");
        check.Argument(VerifyEndStateStep.UnitsKey + "neutron").ShouldBe("neutron-openvswitch-agent");
    }

    [Fact]
    public void A_controller_s_end_state_asks_nova_and_cinder_api_for_the_target_s_highest_microversion()
    {
        var graph = PlanOf("examples/inventory.yaml");
        var controller = graph["verify/ctl1/end-state"];

        controller.Argument(VerifyEndStateStep.ApisKey + "nova").ShouldBe("nova-api=8774 nova-api-metadata=8775");
        controller.Argument(VerifyEndStateStep.MicroversionKey + "nova").ShouldBe("nova-api=2.100");
        controller.Argument(VerifyEndStateStep.MicroversionKey + "cinder").ShouldBe("cinder-api=3.71");
        controller.Argument(VerifyEndStateStep.MicroversionKey + "keystone").ShouldBeNull("keystone's version document does not tell releases apart");
        graph["verify/cmp1/end-state"].Argument(VerifyEndStateStep.MicroversionKey + "nova").ShouldBeNull("a compute runs no nova-api");
    }
}
