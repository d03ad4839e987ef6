using System.Security.Cryptography;
using Uplift.Inventory;
using Uplift.Testing;

namespace Uplift.Tests.Inventory;

public class InventoryLoaderTests
{
    private static readonly string ExamplePath = Fixtures.Project("examples/inventory.yaml");

    [Fact]
    public void Given_the_example_inventory_When_loaded_Then_it_holds_the_documented_cluster()
    {
        var inventory = InventoryLoader.Load(ExamplePath);

        inventory.Cluster.ShouldBe("example");
        inventory.WithRole(Role.Controller).Select(n => n.Name).ShouldBe(["ctl1", "ctl2", "ctl3"]);
        inventory.WithRole(Role.Network).Select(n => n.Name).ShouldBe(["net1", "net2"]);
        inventory.WithRole(Role.Compute).Select(n => n.Name).ShouldBe(["cmp1", "cmp2", "cmp3", "cmp4", "cmp5", "cmp6"]);
        inventory.WithRole(Role.Volume).Select(n => n.Name).ShouldBe(["vol1", "vol2"]);
        inventory.WithRole(Role.Compute).GroupBy(n => n.AvailabilityZone).Select(g => (g.Key, g.Count()))
            .ShouldBe([("az1", 3), ("az2", 3)]);
        inventory.Find("ctl2")!.Address.ShouldBe("10.0.0.12");
        inventory.Find("cmp6")!.User.ShouldBe("ops");
        inventory.Find("cmp6")!.Port.ShouldBe(2222);
        inventory.Find("cmp1")!.User.ShouldBeNull();
    }

    [Fact]
    public void Given_the_example_inventory_When_loaded_Then_every_settings_section_is_read()
    {
        var inventory = InventoryLoader.Load(ExamplePath);

        inventory.Pacemaker.ShouldBe(new PacemakerSettings("openstack-api-vip", "openstack-messaging-vip", "10.0.0.10"));
        inventory.Haproxy.Socket.ShouldBe("/run/haproxy/admin.sock");
        inventory.Haproxy.BackendPattern.ShouldBe("{service}be");
        inventory.Haproxy.Backends!["keystone"].ShouldBe(["keystonepubbe"]);
        inventory.Haproxy.ServerName(inventory.Find("ctl1")!).ShouldBe("ctl1");
        inventory.Ssh.JumpHost.ShouldBe("ops@bastion.example.net:22");
        inventory.Ssh.KnownHostsFile.ShouldBe("~/.ssh/known_hosts_example");
        inventory.Ssh.StrictHostKeyChecking.ShouldBeTrue();
        inventory.Concurrency.ShouldBe(new ConcurrencySettings(24, 2, 2, 1, 30, 0));
        inventory.Database.ShouldBe(new DatabaseSettings("ctl1", "/root/.my.cnf", "/var/backups/uplift"));
        inventory.OptionalServices.ShouldBe(["barbican"]);
        inventory.Puppet.ShouldBe(new PuppetSettings(ManagesNodes: true));
    }

    [Fact]
    public void Given_no_puppet_section_When_loaded_Then_puppet_does_not_manage_the_nodes_and_a_bad_value_is_named()
    {
        const string Text = "cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\n";

        InventoryLoader.Parse(Text, "a.yaml").Puppet.ManagesNodes.ShouldBeFalse();
        var bad = Should.Throw<Uplift.Diagnostics.InputException>(() => InventoryLoader.Parse(Text + "puppet: {manages_nodes: sometimes}\n", "a.yaml"));
        bad.Diagnostics.ShouldHaveSingleItem().Where!.Line.ShouldBe(4);
        bad.Message.ShouldContain("manages_nodes");
    }

    [Fact]
    public void Given_an_openstack_section_When_loaded_Then_its_clouds_file_is_read_beside_the_inventory_and_its_cloud_named()
    {
        const string Text = "cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\n";

        var named = InventoryLoader.Parse(Text + "openstack: {clouds_yaml: ops/clouds.yaml, cloud: prod}\n", "/srv/site/inventory.yaml").OpenStack;
        var absolute = InventoryLoader.Parse(Text + "openstack: {clouds_yaml: /etc/openstack/clouds.yaml}\n", "/srv/site/inventory.yaml").OpenStack;

        named.ShouldBe(new OpenStackSettings("/srv/site/ops/clouds.yaml", "prod"));
        absolute.ShouldBe(new OpenStackSettings("/etc/openstack/clouds.yaml", null));
        InventoryLoader.Parse(Text, "/srv/site/inventory.yaml").OpenStack.ShouldBe(new OpenStackSettings());
        Should.Throw<Uplift.Diagnostics.InputException>(() => InventoryLoader.Parse(Text + "openstack: {cloud_name: prod}\n", "a.yaml"))
            .Message.ShouldContain("cloud_name");
    }

    [Fact]
    public void Given_a_file_When_loaded_Then_its_source_and_the_sha256_of_its_bytes_are_recorded()
    {
        var inventory = InventoryLoader.Load(ExamplePath);

        inventory.Source.ShouldBe(ExamplePath);
        inventory.ContentHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ExamplePath))));
    }

    [Fact]
    public void Given_two_texts_differing_only_in_a_comment_When_parsed_Then_their_hashes_differ()
    {
        const string Text = "cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\n";

        var plain = InventoryLoader.Parse(Text, "a.yaml");
        var commented = InventoryLoader.Parse("# note\n" + Text, "a.yaml");

        plain.Nodes.Select(n => (n.Name, n.Address)).ShouldBe(commented.Nodes.Select(n => (n.Name, n.Address)));
        plain.ContentHash.ShouldNotBe(commented.ContentHash);
        plain.ContentHash.Length.ShouldBe(64);
    }

    [Fact]
    public void Given_only_a_cluster_and_one_node_When_parsed_Then_every_setting_takes_its_documented_default()
    {
        var inventory = InventoryLoader.Parse("cluster: tiny\nnodes:\n  - name: aio\n    address: aio.example.net\n    roles: controller\n", "tiny.yaml");

        inventory.Nodes.ShouldHaveSingleItem().Roles.ShouldBe([Role.Controller]);
        inventory.Pacemaker.ShouldBe(new PacemakerSettings());
        inventory.Haproxy.ShouldBe(new HaproxySettings());
        inventory.Ssh.ShouldBe(new SshSettings());
        inventory.Concurrency.ShouldBe(new ConcurrencySettings());
        inventory.Database.ShouldBe(new DatabaseSettings());
        inventory.OptionalServices.ShouldBeEmpty();
    }

    [Fact]
    public void Given_a_node_with_several_roles_and_an_IPv6_address_When_parsed_Then_both_are_kept()
    {
        var inventory = InventoryLoader.Parse(
            "cluster: c\nnodes:\n  - name: hci1\n    address: 'fd00::11'\n    roles: [compute, volume, network]\n", "c.yaml");

        var node = inventory.Nodes.ShouldHaveSingleItem();
        node.Address.ShouldBe("fd00::11");
        node.Roles.ShouldBe([Role.Compute, Role.Volume, Role.Network]);
    }

    [Fact]
    public void Given_the_large_example_When_loaded_Then_it_has_3_controllers_12_network_83_computes_in_3_zones_and_2_volume_nodes()
    {
        var inventory = InventoryLoader.Load(Fixtures.Project("examples/large-inventory.yaml"));

        inventory.WithRole(Role.Controller).Count().ShouldBe(3);
        inventory.WithRole(Role.Network).Count().ShouldBe(12);
        inventory.WithRole(Role.Compute).Count().ShouldBe(83);
        inventory.WithRole(Role.Compute).Select(n => n.AvailabilityZone).Distinct().ShouldBe(["az1", "az2", "az3"]);
        inventory.WithRole(Role.Volume).Count().ShouldBe(2);
    }

    [Fact]
    public void Given_a_missing_file_When_loaded_Then_the_error_names_the_path()
    {
        var error = Should.Throw<Uplift.Diagnostics.InputException>(() => InventoryLoader.Load("/nonexistent/inventory.yaml"));

        error.Diagnostics.ShouldHaveSingleItem().Where!.File.ShouldBe("/nonexistent/inventory.yaml");
    }

    [Fact]
    public void Given_a_file_starting_with_a_byte_order_mark_When_loaded_Then_it_reads_and_the_hash_covers_the_mark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("cluster: c\nnodes:\n  - {name: a, address: 10.0.0.1, roles: [compute]}\n"u8.ToArray()).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"uplift-bom-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, bytes);
        try
        {
            var inventory = InventoryLoader.Load(path);

            inventory.Cluster.ShouldBe("c");
            inventory.ContentHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
