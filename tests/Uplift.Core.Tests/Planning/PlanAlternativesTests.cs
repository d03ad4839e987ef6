using System.Text;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Inventory.Ansible;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.EndState;

namespace Uplift.Tests.Planning;

/// <summary>
/// Debian ships neutron's server as neutron-server or split in neutron-api and neutron-rpc-server (services.yaml
/// 'alternatives'); a plan uses on each node the units it has, as read from its packages (PlanOptions.Alternatives).
/// </summary>
public sealed class PlanAlternativesTests
{
    public static TheoryData<string> Clusters => new() { "examples/inventory.yaml", "kolla multinode" };

    private static ClusterInventory Inventory(string cluster) => cluster == "kolla multinode"
        ? AnsibleInventoryImporter.Import(Uplift.Testing.Fixtures.Project("tests/Uplift.Core.Tests/Inventory/Ansible/multinode")).Inventory
        : PlanningInputs.Load(cluster);

    private static (PlanGraph Graph, string Split, string Whole) PlanWithSplitSecondController(string cluster)
    {
        var inventory = Inventory(cluster);
        var controllers = inventory.WithRole(Role.Controller).Select(n => n.Name).ToList();
        var options = new PlanOptions(Alternatives: $"{controllers[1]}:neutron-server");
        return (new PlanGraph(Planner.Build(inventory, PlanningInputs.Catalog, "epoxy", "flamingo", options)), controllers[1], controllers[0]);
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void A_controller_with_neutron_api_and_rpc_server_is_upgraded_with_them_and_the_others_with_neutron_server(string cluster)
    {
        var (graph, split, whole) = PlanWithSplitSecondController(cluster);

        graph[$"neutron/{split}/stop"].Argument("units").ShouldBe("neutron-api neutron-rpc-server");
        graph[$"neutron/{split}/start"].Argument("units").ShouldBe("neutron-api neutron-rpc-server");
        var packages = graph[$"neutron/{split}/install"].Argument("packages")!.Split(' ');
        packages.ShouldContain("neutron-api");
        packages.ShouldContain("neutron-rpc-server");
        packages.ShouldNotContain("neutron-server");
        graph[$"neutron/{split}/wait-neutron"].Argument("unit").ShouldBe("neutron-api");
        graph[$"neutron/{whole}/stop"].Argument("units").ShouldBe("neutron-server");
        graph[$"neutron/{whole}/install"].Argument("packages")!.Split(' ').ShouldNotContain("neutron-api");
    }

    /// <summary>Both halves run neutron server code: the offline contract stops both (neutron doc admin/migration-database.rst).</summary>
    [Theory]
    [MemberData(nameof(Clusters))]
    public void The_offline_contract_stops_both_halves_on_a_split_controller(string cluster)
    {
        var (graph, split, whole) = PlanWithSplitSecondController(cluster);
        var contract = graph.Where(s => s.Kind == DatabaseContractStep.Kind && s.Service == "neutron").Single();

        var stopSplit = graph[$"finalize/neutron/{split}/stop"];
        stopSplit.Argument("units").ShouldBe("neutron-api neutron-rpc-server");
        graph.Orders(stopSplit.Id, contract.Id).ShouldBeTrue();
        graph[$"finalize/neutron/{whole}/stop"].Argument("units").ShouldBe("neutron-server");
        graph.Orders(contract.Id, $"finalize/neutron/{split}/start").ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Clusters))]
    public void The_end_state_of_a_split_controller_expects_its_own_units_and_its_api_on_neutron_api(string cluster)
    {
        var (graph, split, _) = PlanWithSplitSecondController(cluster);
        var end = graph[$"verify/{split}/end-state"];

        end.Argument($"{VerifyEndStateStep.UnitsKey}neutron").ShouldBe("neutron-api neutron-rpc-server");
        end.Argument($"{VerifyEndStateStep.ApisKey}neutron").ShouldBe("neutron-api=9696");
        end.Argument($"{VerifyEndStateStep.PackagesKey}neutron")!.Split(' ').ShouldNotContain("neutron-server");
    }

    [Fact]
    public void The_alternatives_are_kept_in_the_plan_file_and_planning_again_from_it_gives_the_same_plan()
    {
        var (graph, split, _) = PlanWithSplitSecondController("examples/inventory.yaml");
        var json = PlanJson.Write(graph.Plan);

        json.ShouldContain($"\"alternatives\": \"{split}:neutron-server\"");
        var read = PlanJson.Parse(Encoding.UTF8.GetBytes(json), "plan.json");
        read.Inputs.Options.ShouldBe(graph.Plan.Inputs.Options);
        var again = Planner.Build(Inventory("examples/inventory.yaml"), PlanningInputs.Catalog, "epoxy", "flamingo", read.Inputs.Options);
        PlanJson.Write(again).ShouldBe(json);
    }

    [Fact]
    public void A_plan_without_alternatives_writes_no_alternatives_key()
    {
        var plan = Planner.Build(Inventory("examples/inventory.yaml"), PlanningInputs.Catalog, "epoxy", "flamingo");

        PlanJson.Write(plan).ShouldNotContain("alternatives");
        plan.Steps.Where(s => s.Argument("units") is { } u && u.Contains("neutron-api", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Alternatives_naming_a_node_outside_the_inventory_are_refused()
    {
        var error = Should.Throw<InputException>(() => Planner.Build(
            Inventory("examples/inventory.yaml"), PlanningInputs.Catalog, "epoxy", "flamingo", new PlanOptions(Alternatives: "ghost9:neutron-server")));

        error.Message.ShouldContain("node 'ghost9'");
    }
}
