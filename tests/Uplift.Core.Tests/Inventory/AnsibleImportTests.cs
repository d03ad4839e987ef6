using Uplift.Inventory;
using Uplift.Inventory.Ansible;
using Uplift.Testing;

namespace Uplift.Tests.Inventory;

public class AnsibleImportTests
{
    private static string Sample(string name) => Fixtures.Project($"tests/Uplift.Core.Tests/Inventory/Ansible/{name}");

    private static IEnumerable<(string, string, string, string?, string?, int?)> Rows(ClusterInventory inventory) =>
        inventory.Nodes.Select(n => (n.Name, n.Address, string.Join(",", n.Roles), n.AvailabilityZone, n.User, n.Port));

    [Fact]
    public void Given_a_kolla_INI_inventory_When_imported_Then_groups_ranges_children_and_host_vars_become_nodes()
    {
        var import = AnsibleInventoryImporter.Import(Sample("multinode"));

        Rows(import.Inventory).ShouldBe(
        [
            ("ctl1", "ctl1", "Controller", null, "ubuntu", null),
            ("ctl2", "ctl2", "Controller", null, "ubuntu", null),
            ("ctl3", "ctl3", "Controller", null, "ubuntu", null),
            ("net01", "10.0.0.21", "Network", null, null, null),
            ("net02", "10.0.0.22", "Network", null, null, 2222),
            ("cmp01", "cmp01", "Compute", "az1", null, null),
            ("cmp02", "cmp02", "Compute", "az1", null, null),
            ("cmp03", "cmp03", "Compute", "az1", null, null),
            ("cmp04", "cmp04", "Compute", "az2", null, null),
            ("cmp05", "cmp05", "Compute", "az2", null, null),
            ("cmp06", "cmp06", "Compute", "az2", null, null),
            ("vola.example.net", "vola.example.net", "Volume", null, null, null),
            ("volb.example.net", "volb.example.net", "Volume", null, null, null),
        ]);
        import.LeftOut.ShouldBe(["localhost"]);
        import.Inventory.Cluster.ShouldBe("multinode");
        import.Inventory.Ssh.Sudo.ShouldBeTrue();
        import.Inventory.Pacemaker.VipAddress.ShouldBe("10.0.0.10");
    }

    [Fact]
    public void Given_the_same_cluster_as_a_YAML_inventory_When_imported_Then_it_gives_the_same_nodes_as_the_INI_one()
    {
        var fromYaml = AnsibleInventoryImporter.Import(Sample("multinode.yml"), cluster: "multinode");
        var fromIni = AnsibleInventoryImporter.Import(Sample("multinode"));

        Rows(fromYaml.Inventory).ShouldBe(Rows(fromIni.Inventory));
        fromYaml.LeftOut.ShouldBe(["localhost"]);
        fromYaml.Inventory.Ssh.ShouldBe(fromIni.Inventory.Ssh);
        fromYaml.Inventory.Pacemaker.ShouldBe(fromIni.Inventory.Pacemaker);
    }

    [Fact]
    public void Given_an_inventory_without_Pacemaker_or_HAProxy_facts_When_imported_Then_the_defaults_filled_are_reported()
    {
        var import = AnsibleInventoryImporter.Import(Sample("multinode"));

        import.FilledDefaults.Select(f => (f.Key, f.Value)).ShouldBe(
        [
            ("cluster", "multinode"),
            ("ssh.user", "root"),
            ("pacemaker.api_vip", "openstack-api-vip"),
            ("haproxy.socket", "/run/haproxy/admin.sock"),
            ("haproxy.backend_pattern", "{service}be"),
            ("haproxy.server_pattern", "{node}"),
        ]);
        import.FilledDefaults.ShouldAllBe(f => f.Check.Length > 0);
        import.Inventory.Pacemaker.ApiVip.ShouldBe("openstack-api-vip");
        import.Yaml.ShouldContain("# Default filled: pacemaker.api_vip = openstack-api-vip");
    }

    [Fact]
    public void Given_an_imported_inventory_When_its_YAML_is_saved_and_loaded_Then_the_loader_reads_the_same_cluster()
    {
        var import = AnsibleInventoryImporter.Import(Sample("multinode"));
        var path = Path.Combine(Path.GetTempPath(), $"uplift-import-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, import.Yaml);

            var loaded = InventoryLoader.Load(path);

            Rows(loaded).ShouldBe(Rows(import.Inventory));
            loaded.Ssh.ShouldBe(import.Inventory.Ssh);
            loaded.Pacemaker.ShouldBe(import.Inventory.Pacemaker);
            loaded.Haproxy.Socket.ShouldBe(import.Inventory.Haproxy.Socket);
            InventoryYamlWriter.Write(loaded, "Imported from multinode by 'uplift inventory import'.\n"
                + string.Concat(import.FilledDefaults.Select(f => $"Default filled: {f}\n"))).ShouldBe(import.Yaml);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Given_hosts_that_all_use_one_user_and_port_When_imported_Then_they_go_into_the_ssh_section()
    {
        var import = AnsibleInventoryImporter.Parse(
            "[control]\nctl1 ansible_host=10.0.0.1\n\n[compute]\ncmp1 ansible_host=10.0.1.1\n\n[all:vars]\nansible_user=deploy\nansible_port=2200\n",
            "hosts.ini");

        import.Inventory.Ssh.User.ShouldBe("deploy");
        import.Inventory.Ssh.Port.ShouldBe(2200);
        import.Inventory.Nodes.ShouldAllBe(n => n.User == null && n.Port == null);
        import.Inventory.Ssh.Sudo.ShouldBeFalse();
        import.FilledDefaults.ShouldNotContain(f => f.Key == "ssh.user" || f.Key == "pacemaker.api_vip");
    }

    [Fact]
    public void Given_variables_at_several_levels_When_imported_Then_the_host_beats_the_child_group_which_beats_the_parent()
    {
        var import = AnsibleInventoryImporter.Parse("""
            [compute:children]
            rack1

            [rack1]
            cmp1
            cmp2 availability_zone=az-special
            cmp3:2022

            [compute:vars]
            availability_zone=az-parent

            [rack1:vars]
            availability_zone=az-rack

            [all:vars]
            availability_zone=az-all
            """, "hosts");

        import.Inventory.Nodes.Select(n => (n.Name, n.AvailabilityZone)).ShouldBe([("cmp1", "az-rack"), ("cmp2", "az-special"), ("cmp3", "az-rack")]);
        import.Inventory.Find("cmp3")!.Port.ShouldBe(2022);
        import.FilledDefaults.ShouldContain(f => f.Key == "ssh.user" && f.Value == "root");
    }

    [Fact]
    public void Given_a_cluster_name_When_imported_Then_it_is_used_and_not_reported_as_a_default()
    {
        var import = AnsibleInventoryImporter.Parse("[compute]\ncmp1\n", "hosts", cluster: "prod-east");

        import.Inventory.Cluster.ShouldBe("prod-east");
        import.FilledDefaults.ShouldNotContain(f => f.Key == "cluster");
    }

    [Fact]
    public void Given_a_file_without_extension_that_starts_with_all_When_imported_Then_it_is_read_as_YAML()
    {
        var import = AnsibleInventoryImporter.Parse("---\nall:\n  children:\n    compute:\n      hosts:\n        cmp1:\n", "hosts");

        import.Inventory.Nodes.ShouldHaveSingleItem().Name.ShouldBe("cmp1");
    }

    [Fact]
    public void Given_quoted_values_and_trailing_comments_When_imported_Then_quotes_and_comments_are_not_part_of_the_values()
    {
        var import = AnsibleInventoryImporter.Parse(
            "[compute]\ncmp1 ansible_host=\"10.0.1.1\" availability_zone='zone one' # rack 4\n; a comment line\ncmp2 ansible_host=10.0.1.2 #note\n",
            "hosts");

        import.Inventory.Nodes.Select(n => (n.Name, n.Address, n.AvailabilityZone))
            .ShouldBe([("cmp1", "10.0.1.1", "zone one"), ("cmp2", "10.0.1.2", null)]);
    }

    [Fact]
    public void Given_a_host_in_several_role_groups_When_imported_Then_it_gets_every_role_once()
    {
        var import = AnsibleInventoryImporter.Parse("[control]\naio\n[network]\naio\n[compute]\naio\n[storage]\naio\n[volume]\naio\n", "hosts");

        import.Inventory.Nodes.ShouldHaveSingleItem().Roles.ShouldBe([Role.Controller, Role.Network, Role.Compute, Role.Volume]);
    }
}
