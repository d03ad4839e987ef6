using System.Security.Cryptography;
using System.Text;
using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>The upgrade target of a lab of real OpenStack code: its mirror's request and index, the catalog overlay the
/// lab writes, and the packages each role keeps.</summary>
public class TargetMirrorTests
{
    private static readonly OpenStackCatalog Catalog = CatalogLoader.LoadEmbedded();

    private static LabLayout Lab => new(new LabOptions(Controllers: 2, Network: 0, Computes: 2, Volumes: 1, OpenStack: true), Catalog);

    private static readonly TargetSuite Gazpacho = TargetSuite.For("epoxy")!;

    [Fact]
    public void Given_an_epoxy_lab_When_its_target_is_asked_Then_it_is_forkys_gazpacho_with_keystone_and_glance_held_and_the_reason_said()
    {
        Gazpacho.Suite.ShouldBe("forky");
        Gazpacho.Release.ShouldBe("gazpacho");
        Gazpacho.Held.Keys.Order().ShouldBe(["glance", "keystone"]);
        Gazpacho.Held["keystone"].ShouldContain("Hibiscus");
        TargetSuite.For("flamingo").ShouldBeNull();
    }

    [Fact]
    public void Given_a_base_tree_When_the_mirror_request_is_made_Then_it_holds_every_roles_packages_but_the_held_services_and_only_installed_catalog_dependencies()
    {
        var status = Stanza("python3-oslo.config", "install ok installed") + "\n" + Stanza("libvirt-daemon-system", "install ok installed")
            + "\n" + Stanza("lvm2", "deinstall ok config-files");

        var request = TargetMirror.Request(Lab, Gazpacho, status);

        request.ShouldContain("nova-compute");
        request.ShouldContain("cinder-volume");
        request.ShouldContain("neutron-rpc-server");
        request.ShouldContain("python3-oslo.config");
        request.ShouldContain("libvirt-daemon-system");
        request.ShouldNotContain("lvm2");
        request.ShouldNotContain("keystone");
        request.ShouldNotContain("glance-api");
        request.ShouldBe(request.Order(StringComparer.Ordinal).Distinct());
    }

    [Fact]
    public void Given_an_index_When_the_release_file_is_written_Then_it_names_the_suite_and_the_index_size_and_sha256_apt_checks()
    {
        const string index = "Package: nova-api\nVersion: 2:33.0.2-1\n\n";

        var release = TargetMirror.Release("forky", "main/binary-amd64/Packages", index);

        release.ShouldContain("Suite: forky\n");
        release.ShouldContain("Components: main\n");
        release.ShouldContain($"\n {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(index)))} {Encoding.UTF8.GetByteCount(index)} main/binary-amd64/Packages\n");
    }

    [Fact]
    public void Given_the_labs_catalog_overlay_When_loaded_Then_it_points_apt_at_the_mirror_packages_nova_as_debian_does_and_leaves_the_held_services_out()
    {
        var catalog = CatalogLoader.WithOverlay(Encoding.UTF8.GetBytes(LabCatalog.For(Gazpacho, ["python3", "python3-eventlet"])), "catalog.yaml");

        catalog.Apt.SourceLine.ShouldBe($"deb [trusted=yes] http://{LabLayout.VipAddress}:{TargetMirror.Port}/ forky main");
        var nova = catalog.Services.Single(s => s.Name == "nova");
        nova.PackagesOn(Role.Controller).ShouldNotContain("nova-novncproxy");
        nova.UnitsOn(Role.Controller).ShouldContain("nova-api-metadata");
        foreach (var held in new[] { "keystone", "glance", "horizon" })
        {
            catalog.Services.Single(s => s.Name == held).PackagesOn(Role.Controller).ShouldBeEmpty(held);
        }
        catalog.Services.Single(s => s.Name == "neutron").UnitsOn(Role.Compute).ShouldBeEmpty();
        catalog.DependenciesOn(Role.Volume).ShouldContain("python3-eventlet");
        catalog.DependenciesOn(Role.Compute).ShouldContain("python3");
        var tokens = catalog.ServiceTokenRoles.Where(r => r.Release == "gazpacho").ShouldHaveSingleItem();
        tokens.Roles.ShouldBe(["service"]);
        tokens.Note.ShouldContain("13.0.1");
    }

    [Fact]
    public void Given_the_mirror_and_the_tree_When_preparations_dependencies_are_chosen_Then_the_installed_python_stack_comes_but_no_service_or_infrastructure_package()
    {
        var installed = new HashSet<string>(StringComparer.Ordinal)
        {
            "python3", "python3-eventlet", "python3-nova", "libvirt-daemon-system", "nova-api", "neutron-api", "neutron-rpc-server",
        };

        var dependencies = LabCatalog.Dependencies(
            ["python3-eventlet", "python3", "python3-nova", "libvirt-daemon-system", "nova-api", "neutron-api", "neutron-rpc-server", "python3-new"],
            installed, Catalog);

        dependencies.ShouldBe(["python3", "python3-eventlet"]);
    }

    [Fact]
    public void Given_each_role_When_the_packages_it_purges_are_listed_Then_it_keeps_its_own_and_the_common_ones()
    {
        OpenStackNodes.Purged(Role.Compute).ShouldContain("nova-api");
        OpenStackNodes.Purged(Role.Compute).ShouldNotContain("nova-compute");
        OpenStackNodes.Purged(Role.Controller).ShouldContain("nova-compute");
        OpenStackNodes.Purged(Role.Controller).ShouldContain("nova-compute-kvm");
        OpenStackNodes.Purged(Role.Controller).ShouldNotContain("neutron-api");
        OpenStackNodes.Purged(Role.Volume).ShouldNotContain("cinder-volume");
        foreach (var role in new[] { Role.Controller, Role.Compute, Role.Volume })
        {
            OpenStackNodes.Purged(role).ShouldNotContain("python3-openstackclient");
            OpenStackNodes.Purged(role).Intersect(OpenStackNodes.Packages(role)).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Given_a_compute_When_its_other_packages_are_purged_Then_what_only_they_pulled_in_goes_with_them()
    {
        var command = OpenStackNodes.PurgeCommand(Role.Compute);

        command.ShouldStartWith("DEBIAN_FRONTEND=noninteractive apt-get -q -y purge --autoremove ");
        command.Split(' ').ShouldContain("cinder-volume");
        command.Split(' ').ShouldNotContain("nova-compute");
    }

    private static string Stanza(string package, string status) => $"Package: {package}\nStatus: {status}\nVersion: 1\n";
}
