using Uplift.Diagnostics;
using Uplift.Exec;
using Uplift.Inventory;

namespace Uplift.Tests;

public class ExecTargetsTests
{
    private static readonly ClusterInventory Cluster = InventoryLoader.Parse(
        """
        cluster: t
        nodes:
          - {name: ctl1, address: 10.0.0.11, roles: [controller]}
          - {name: ctl2, address: 10.0.0.12, roles: [controller]}
          - {name: cmp1, address: 10.0.1.1, roles: [compute]}
          - {name: net1, address: 10.0.0.21, roles: [network]}
        pacemaker: {api_vip: openstack-api-vip}
        """, "inventory.yaml");

    [Fact]
    public void Given_no_filter_When_selected_Then_every_node_in_file_order() =>
        ExecTargets.Select(Cluster, null, null).Select(n => n.Name).ShouldBe(["ctl1", "ctl2", "cmp1", "net1"]);

    [Fact]
    public void Given_a_role_in_any_case_When_selected_Then_its_nodes() =>
        ExecTargets.Select(Cluster, "Controller", null).Select(n => n.Name).ShouldBe(["ctl1", "ctl2"]);

    [Fact]
    public void Given_names_When_selected_Then_those_nodes_in_the_given_order() =>
        ExecTargets.Select(Cluster, null, "net1, ctl2,net1").Select(n => n.Name).ShouldBe(["net1", "ctl2"]);

    [Fact]
    public void Given_unknown_names_When_selected_Then_each_is_reported_with_the_known_nodes()
    {
        var error = Should.Throw<InputException>(() => ExecTargets.Select(Cluster, null, "ctl1,ctl9,cmp7"));

        error.Diagnostics.Select(d => d.Summary).ShouldBe(["no node named 'ctl9' in inventory.yaml", "no node named 'cmp7' in inventory.yaml"]);
        error.Diagnostics[0].Hint.ShouldBe("nodes: ctl1, ctl2, cmp1, net1");
    }

    [Fact]
    public void Given_an_unknown_role_When_selected_Then_the_valid_roles_are_named() =>
        Should.Throw<InputException>(() => ExecTargets.Select(Cluster, "storage", null))
            .Diagnostics.ShouldHaveSingleItem().Hint.ShouldBe("valid: controller, network, compute, volume, swift-proxy, swift-storage, telemetry, puppet-master, ceph");

    [Fact]
    public void Given_a_role_no_node_has_When_selected_Then_it_is_refused() =>
        Should.Throw<InputException>(() => ExecTargets.Select(Cluster, "volume", null))
            .Message.ShouldContain("no node of inventory.yaml has the role volume");

    [Fact]
    public void Given_both_role_and_nodes_When_selected_Then_it_is_refused() =>
        Should.Throw<InputException>(() => ExecTargets.Select(Cluster, "compute", "cmp1"))
            .Message.ShouldContain("--role and --nodes both given");
}
