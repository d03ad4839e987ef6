using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

public class ServiceCatalogTests
{
    private static readonly ServiceCatalog Catalog = new([
        new CatalogService("compute", "nova", [
            new CatalogEndpoint("public", "RegionOne", new Uri("https://api.one/compute")),
            new CatalogEndpoint("internal", "RegionOne", new Uri("http://ctl.one:8774/v2.1")),
            new CatalogEndpoint("internal", "RegionTwo", new Uri("http://ctl.two:8774/v2.1")),
        ]),
        new CatalogService("volumev3", "cinderv3", [new CatalogEndpoint("internal", "RegionOne", new Uri("http://ctl.one:8776/v3/p1"))]),
    ]);

    [Theory]
    [InlineData("internal", "RegionTwo", "http://ctl.two:8774/v2.1")]
    [InlineData("internal", "RegionOne", "http://ctl.one:8774/v2.1")]
    [InlineData("public", null, "https://api.one/compute")]
    public void Given_interface_and_region_When_selecting_Then_that_endpoint_is_chosen(string endpointInterface, string? region, string expected)
    {
        Catalog.EndpointFor(["compute"], endpointInterface, region).ShouldBe(new Uri(expected));
    }

    [Fact]
    public void Given_several_regions_and_none_chosen_When_selecting_Then_the_error_lists_them()
    {
        Should.Throw<OpenStackApiException>(() => Catalog.EndpointFor(["compute"], "internal", null))
            .Message.ShouldContain("RegionOne, RegionTwo; set region_name");
    }

    [Fact]
    public void Given_a_missing_interface_When_selecting_Then_the_error_lists_what_the_catalog_offers()
    {
        var error = Should.Throw<OpenStackApiException>(() => Catalog.EndpointFor(["compute"], "admin", "RegionOne"));

        error.Message.ShouldContain("no compute endpoint with interface admin in region RegionOne");
        error.Message.ShouldContain("compute internal RegionTwo");
    }

    [Fact]
    public void Given_block_storage_absent_When_selecting_cinder_Then_volumev3_is_used()
    {
        Catalog.EndpointFor(OpenStackService.BlockStorage.CatalogTypes, "internal", "RegionOne").ShouldBe(new Uri("http://ctl.one:8776/v3/p1"));
    }
}
