using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Testing;
using Uplift.Transports;
using Uplift.Upgrade.Observation;

namespace Uplift.Tests.Observation;

public class ReleaseDetectionTests
{
    private static readonly OpenStackCatalog Catalog = CatalogLoader.LoadEmbedded();
    private static readonly Node Controller = new("ctl1", "10.0.0.1", [Role.Controller]);
    private static readonly Node Compute = new("cmp1", "10.0.0.11", [Role.Compute]);

    private static CommandResult Sample(string name, int exitCode)
    {
        var at = Fixtures.Project($"tests/Uplift.Execution.Tests/Samples/dpkg-query/{name}");
        return new CommandResult(exitCode, File.ReadAllText(at + ".stdout.txt"), File.ReadAllText(at + ".stderr.txt"), TimeSpan.Zero);
    }

    private static CommandResult MachineId(string id) => new(0, id + "\n", "", TimeSpan.Zero);

    [Fact]
    public void Given_a_real_trixie_controller_When_reading_its_packages_Then_every_service_is_named_epoxy()
    {
        var code = ReleaseDetection.CodeOn(Controller, Catalog.Services.Where(s => !s.Optional), Catalog);

        var node = ReleaseDetection.Read(Controller, code, [Sample("trixie_controller", 0), MachineId("4f1c")]);

        node.Code.Select(c => c.Service).ShouldBe(["keystone", "glance", "placement", "nova", "neutron", "cinder", "heat"]);
        node.Code.ShouldAllBe(c => c.Series == "epoxy");
        node.Code.Single(c => c.Service == "nova").Version.ShouldBe("2:31.0.0-6+deb13u3");
        node.Release.ShouldBe("epoxy");
        node.MachineId.ShouldBe("4f1c");
    }

    [Fact]
    public void Given_a_compute_When_listing_what_to_query_Then_only_the_services_its_role_installs_are_asked()
    {
        var code = ReleaseDetection.CodeOn(Compute, Catalog.Services, Catalog);

        code.Select(c => c.Package).ShouldBe(["python3-nova", "python3-neutron"]);
        ReleaseDetection.Queries(code)[0].ShouldContain("python3-nova python3-neutron");
    }

    [Fact]
    public void Given_a_package_dpkg_does_not_know_When_reading_Then_that_service_is_not_installed_and_the_rest_still_read()
    {
        var code = new[] { "nova", "neutron", "barbican" }
            .Select(s => Catalog.CodeVersionsOf(s) ?? new CodeVersions(s, "python3-" + s, new Dictionary<string, int> { ["epoxy"] = 20 }))
            .ToList();

        var node = ReleaseDetection.Read(Compute, code, [Sample("trixie_unknown", 1), MachineId("")]);

        node.Code.Select(c => (c.Service, c.IsInstalled)).ShouldBe([("nova", true), ("neutron", true), ("barbican", false)]);
        node.Release.ShouldBe("epoxy");
        node.MachineId.ShouldBeNull();
    }

    [Fact]
    public void Given_a_node_half_way_When_reading_Then_it_is_mixed_and_names_both_releases()
    {
        var code = ReleaseDetection.CodeOn(Compute, Catalog.Services, Catalog);
        var dpkg = new CommandResult(0, "python3-neutron\t2:26.0.3-0+deb13u3\tii \npython3-nova\t2:33.0.2-1\tii \n", "", TimeSpan.Zero);

        var node = ReleaseDetection.Read(Compute, code, [dpkg, MachineId("x")]);

        node.Release.ShouldBe(ObservedNode.Mixed);
        node.Series.ShouldBe(["gazpacho", "epoxy"], ignoreOrder: true);
    }

    [Fact]
    public void Given_output_dpkg_query_never_prints_When_reading_Then_it_is_a_format_error_not_a_guess()
    {
        var code = ReleaseDetection.CodeOn(Compute, Catalog.Services, Catalog);
        var dpkg = new CommandResult(2, "", "dpkg-query: error: --show needs a valid package name\n", TimeSpan.Zero);

        Should.Throw<FormatException>(() => ReleaseDetection.Read(Compute, code, [dpkg, MachineId("x")]));
    }

    [Fact]
    public void Given_a_real_trixie_controller_with_neutron_api_and_rpc_server_When_reading_Then_neutron_server_is_in_its_alternative_form()
    {
        var services = Catalog.Services.Where(s => !s.Optional).ToList();
        var code = ReleaseDetection.CodeOn(Controller, services, Catalog);
        var alternatives = ReleaseDetection.AlternativesOn(Controller, services);

        ReleaseDetection.Queries(code, alternatives)[0].ShouldEndWith("python3-heat neutron-server neutron-api neutron-rpc-server");
        var node = ReleaseDetection.Read(Controller, code, [Sample("trixie_neutron_split", 1), MachineId("4f1c")], alternatives);

        node.Alternatives.ShouldBe(["neutron-server"]);
        node.Release.ShouldBe("epoxy");
        new ClusterObservation([node]).Alternatives.ShouldBe("ctl1:neutron-server");
    }

    [Fact]
    public void Given_a_real_trixie_controller_queried_without_the_alternatives_When_reading_Then_it_keeps_the_catalog_units()
    {
        var services = Catalog.Services.Where(s => !s.Optional).ToList();
        var code = ReleaseDetection.CodeOn(Controller, services, Catalog);

        var node = ReleaseDetection.Read(Controller, code, [Sample("trixie_controller", 0), MachineId("4f1c")], ReleaseDetection.AlternativesOn(Controller, services));

        node.Alternatives.ShouldBeEmpty("neither neutron-server nor its replacements were listed: the catalog's form");
    }

    [Fact]
    public void Given_a_compute_When_listing_alternatives_Then_none_applies_to_its_units()
    {
        ReleaseDetection.AlternativesOn(Compute, Catalog.Services).ShouldBeEmpty();
    }
}
