using Uplift.OpenStack;

namespace Uplift.Tests;

public class ProbeTargetTests
{
    private static CatalogEndpoint Endpoint(string face, string region, string url) => new(face, region, new Uri(url));

    private static readonly ServiceCatalog Catalog = new(
    [
        new("identity", "keystone", [Endpoint("internal", "RegionOne", "http://10.0.0.10:5000/v3"), Endpoint("public", "RegionOne", "https://api.example.net:5000/v3")]),
        new("compute", "nova", [Endpoint("public", "RegionTwo", "https://two.example.net:8774/v2.1"), Endpoint("public", "RegionOne", "https://api.example.net:8774/v2.1")]),
        new("placement", "placement", [Endpoint("internal", "RegionOne", "http://10.0.0.10:8778")]),
    ]);

    [Fact]
    public void Given_a_catalog_When_targets_are_taken_Then_each_service_type_gives_its_public_endpoint_in_the_region()
    {
        var targets = ProbeTarget.FromCatalog(Catalog, "public", "RegionOne");

        targets.ShouldBe([
            new ProbeTarget("identity", new Uri("https://api.example.net:5000/v3")),
            new ProbeTarget("compute", new Uri("https://api.example.net:8774/v2.1")),
        ]);
    }

    [Fact]
    public void Given_no_region_When_targets_are_taken_Then_the_first_endpoint_of_the_interface_serves() =>
        ProbeTarget.FromCatalog(Catalog, "internal", null).Select(t => t.Name).ShouldBe(["identity", "placement"]);
}
