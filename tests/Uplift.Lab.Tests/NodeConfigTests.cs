using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>The service configuration a node of real OpenStack code gets, and the options of such a lab.</summary>
public sealed class NodeConfigTests
{
    private static readonly LabNode Ctl2 = new("ctl2", "127.0.10.2", Role.Controller, null);
    private static readonly LabSecrets Secrets = new("db-secret", "rabbit-secret", "service-secret", "admin-secret");

    [Fact]
    public void Given_a_node_When_its_files_are_rendered_Then_every_placeholder_is_filled_with_the_nodes_own_values()
    {
        var files = NodeConfig.For(Ctl2, Secrets);

        files.Keys.ShouldContain("nova/nova.conf");
        files.Values.ShouldAllBe(text => !text.Contains("{{"));
        files["nova/nova.conf"].ShouldContain("my_ip = 127.0.10.2");
        files["nova/nova.conf"].ShouldContain($"transport_url = rabbit://openstack:rabbit-secret@{LabLayout.VipAddress}:{LabRabbitmq.Port}/");
        files["nova/nova.conf"].ShouldContain("connection = mysql+pymysql://nova:db-secret@127.0.10.250/nova\n");
        files["cinder/cinder.conf"].ShouldContain("username = cinder\npassword = service-secret");
        files["default/nova-api"].ShouldContain("--http-socket 127.0.10.2:8774 --processes 1");
        files["glance/glance-api.conf"].ShouldContain("bind_host = 127.0.10.2");
        files.Values.ShouldAllBe(text => !text.Contains("admin-secret"));
    }

    [Fact]
    public void Given_an_unknown_placeholder_When_rendered_Then_it_is_refused_by_name() =>
        Should.Throw<LabException>(() => NodeConfig.Render("x = {{nope}}", Ctl2, Secrets)).Message.ShouldContain("{{nope}}");

    [Theory]
    [InlineData(1, "epoxy", "", "no network nodes")]
    [InlineData(0, "flamingo", "", "no Debian suite ships it")]
    [InlineData(0, "epoxy", "ctl1", "no network nodes")]
    public void Given_a_real_code_lab_asked_for_what_it_cannot_be_When_validated_Then_it_is_refused(int network, string release, string alternatives, string why)
    {
        var options = new LabOptions(Controllers: 2, Network: network, Computes: 1, Volumes: 0, Release: release, AlternativesOn: alternatives, OpenStack: true);

        Should.Throw<InputException>(() => options.Validate(CatalogLoader.LoadEmbedded())).Message.ShouldContain(why);
    }

    [Fact]
    public void Given_the_cached_trees_dpkg_status_When_read_Then_only_packages_not_installed_are_named()
    {
        var status = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "trixie-dpkg-status.txt"));
        var keystoneRemoved = status.Replace("Package: keystone\nStatus: install ok installed", "Package: keystone\nStatus: deinstall ok config-files");

        RootTree.NotInstalled(status).ShouldBeEmpty();
        RootTree.NotInstalled(keystoneRemoved).ShouldBe(["keystone"]);
    }
}
