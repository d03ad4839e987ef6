using Uplift.Catalog;

namespace Uplift.Tests.Catalog;

/// <summary>The version → release table (versions.yaml), entry by entry against its source.</summary>
public class CodeVersionsTests
{
    private readonly OpenStackCatalog catalog = CatalogLoader.LoadEmbedded();

    /// <summary>Each row is the first "version:" of openstack/releases deliverables/&lt;series&gt;/&lt;project&gt;.yaml
    /// (commit 02df7c9a, 2026-08-21), as upstream spells it; Debian packages it as e.g. 2:31.0.0-1.</summary>
    [Theory]
    [InlineData("keystone", "zed", "22.0.0.0rc1")]
    [InlineData("keystone", "antelope", "23.0.0.0rc1")]
    [InlineData("keystone", "bobcat", "24.0.0.0rc1")]
    [InlineData("keystone", "caracal", "25.0.0.0rc1")]
    [InlineData("keystone", "dalmatian", "26.0.0.0rc1")]
    [InlineData("keystone", "epoxy", "27.0.0.0rc1")]
    [InlineData("keystone", "flamingo", "28.0.0.0rc1")]
    [InlineData("keystone", "gazpacho", "29.0.0.0rc1")]
    [InlineData("glance", "zed", "25.0.0.0b2")]
    [InlineData("glance", "antelope", "26.0.0.0b2")]
    [InlineData("glance", "bobcat", "27.0.0.0b1")]
    [InlineData("glance", "caracal", "28.0.0.0b2")]
    [InlineData("glance", "dalmatian", "29.0.0.0b1")]
    [InlineData("glance", "epoxy", "30.0.0.0b2")]
    [InlineData("glance", "flamingo", "31.0.0.0rc1")]
    [InlineData("glance", "gazpacho", "32.0.0.0b2")]
    [InlineData("glance", "hibiscus", "33.0.0.0b2")]
    [InlineData("placement", "zed", "8.0.0.0rc1")]
    [InlineData("placement", "antelope", "9.0.0.0b1")]
    [InlineData("placement", "bobcat", "10.0.0.0rc1")]
    [InlineData("placement", "caracal", "11.0.0.0rc1")]
    [InlineData("placement", "dalmatian", "12.0.0.0rc1")]
    [InlineData("placement", "epoxy", "13.0.0.0rc1")]
    [InlineData("placement", "flamingo", "14.0.0.0rc1")]
    [InlineData("placement", "gazpacho", "15.0.0.0rc1")]
    [InlineData("placement", "hibiscus", "16.0.0.0b1")]
    [InlineData("nova", "zed", "26.0.0.0rc1")]
    [InlineData("nova", "antelope", "27.0.0.0rc1")]
    [InlineData("nova", "bobcat", "28.0.0.0rc1")]
    [InlineData("nova", "caracal", "29.0.0.0rc1")]
    [InlineData("nova", "dalmatian", "30.0.0.0rc1")]
    [InlineData("nova", "epoxy", "31.0.0.0rc1")]
    [InlineData("nova", "flamingo", "32.0.0.0rc1")]
    [InlineData("nova", "gazpacho", "33.0.0.0rc1")]
    [InlineData("neutron", "zed", "21.0.0.0rc1")]
    [InlineData("neutron", "antelope", "22.0.0.0rc1")]
    [InlineData("neutron", "bobcat", "23.0.0.0b1")]
    [InlineData("neutron", "caracal", "24.0.0.0b1")]
    [InlineData("neutron", "dalmatian", "25.0.0.0b1")]
    [InlineData("neutron", "epoxy", "26.0.0.0b1")]
    [InlineData("neutron", "flamingo", "27.0.0.0b1")]
    [InlineData("neutron", "gazpacho", "28.0.0.0b1")]
    [InlineData("neutron", "hibiscus", "29.0.0.0b1")]
    [InlineData("cinder", "zed", "21.0.0.0rc1")]
    [InlineData("cinder", "antelope", "22.0.0.0rc1")]
    [InlineData("cinder", "bobcat", "23.0.0.0rc1")]
    [InlineData("cinder", "caracal", "24.0.0.0rc1")]
    [InlineData("cinder", "dalmatian", "25.0.0.0rc1")]
    [InlineData("cinder", "epoxy", "26.0.0.0rc1")]
    [InlineData("cinder", "flamingo", "27.0.0.0rc1")]
    [InlineData("cinder", "gazpacho", "28.0.0.0rc1")]
    [InlineData("heat", "zed", "19.0.0.0rc1")]
    [InlineData("heat", "antelope", "20.0.0.0rc1")]
    [InlineData("heat", "bobcat", "21.0.0.0rc1")]
    [InlineData("heat", "caracal", "22.0.0.0rc1")]
    [InlineData("heat", "dalmatian", "23.0.0.0rc1")]
    [InlineData("heat", "epoxy", "24.0.0.0rc1")]
    [InlineData("heat", "flamingo", "25.0.0.0rc1")]
    [InlineData("heat", "gazpacho", "26.0.0.0rc1")]
    public void Given_the_first_upstream_version_of_a_series_When_reading_its_release_Then_it_is_that_series(
        string service, string series, string upstreamVersion)
    {
        var versions = catalog.CodeVersionsOf(service).ShouldNotBeNull();

        versions.SeriesOf(upstreamVersion).ShouldBe(series);
        versions.SeriesOf($"2:{upstreamVersion.Replace(".0rc1", "", StringComparison.Ordinal)}-1").ShouldBe(series);
    }

    /// <summary>Debian forky's keystone 2:30.0.0 (DESIGN.md §6) is hibiscus: a repository offering it is not gazpacho's.</summary>
    [Fact]
    public void Given_forky_keystone_When_reading_its_release_Then_it_is_hibiscus_not_gazpacho() =>
        catalog.CodeVersionsOf("keystone")!.SeriesOf("2:30.0.0-2").ShouldBe("hibiscus");

    [Theory]
    [InlineData("2:31.0.2-1~bpo12+1", 31)]
    [InlineData("13.0.0-3", 13)]
    [InlineData("1:24.0.0-1", 24)]
    [InlineData("2:33.0.2~rc1-1", 33)]
    public void Given_a_debian_version_When_reading_its_upstream_major_Then_epoch_and_revision_are_ignored(string version, int major) =>
        CodeVersions.UpstreamMajor(version).ShouldBe(major);

    [Theory]
    [InlineData("")]
    [InlineData("2:")]
    [InlineData("abc-1")]
    public void Given_a_version_without_a_number_When_reading_its_release_Then_there_is_none(string version) =>
        catalog.CodeVersionsOf("nova")!.SeriesOf(version).ShouldBeNull();

    [Fact]
    public void Given_every_versioned_service_Then_its_package_is_one_the_catalog_installs_for_it()
    {
        foreach (var versions in catalog.CodeVersions)
        {
            var service = catalog.FindService(versions.Service).ShouldNotBeNull(versions.Service);
            service.Packages.Values.SelectMany(p => p).ShouldContain(versions.Package, versions.Service);
        }
    }

    /// <summary>Each row is the "(Maximum in …)" heading of the project's version history: nova
    /// nova/api/openstack/compute/rest_api_version_history.rst (openstack/nova 00a03040), cinder
    /// cinder/api/openstack/rest_api_version_history.rst (openstack/cinder ab09bc39; 3.71 still the maximum on
    /// stable/2025.1 to 2026.1).</summary>
    [Theory]
    [InlineData("nova", "zed", "2.93")]
    [InlineData("nova", "antelope", "2.95")]
    [InlineData("nova", "bobcat", "2.95")]
    [InlineData("nova", "caracal", "2.96")]
    [InlineData("nova", "dalmatian", "2.96")]
    [InlineData("nova", "epoxy", "2.100")]
    [InlineData("nova", "flamingo", "2.100")]
    [InlineData("nova", "gazpacho", "2.103")]
    [InlineData("cinder", "zed", "3.70")]
    [InlineData("cinder", "antelope", "3.70")]
    [InlineData("cinder", "bobcat", "3.70")]
    [InlineData("cinder", "caracal", "3.71")]
    [InlineData("cinder", "dalmatian", "3.71")]
    [InlineData("cinder", "epoxy", "3.71")]
    [InlineData("cinder", "flamingo", "3.71")]
    [InlineData("cinder", "gazpacho", "3.71")]
    public void Given_a_series_When_reading_the_highest_microversion_its_api_reports_Then_it_is_the_version_historys(string service, string series, string microversion) =>
        catalog.CodeVersionsOf(service)!.Api!.Maxima[series].ShouldBe(microversion);

    [Fact]
    public void Given_every_api_with_microversions_Then_its_unit_is_an_api_backend_of_the_service()
    {
        var apis = catalog.CodeVersions.Where(v => v.Api is not null).ToList();

        apis.Select(v => v.Service).ShouldBe(["nova", "cinder"], ignoreOrder: true);
        foreach (var versions in apis)
        {
            catalog.FindService(versions.Service)!.Backends.Select(b => b.Unit).ShouldContain(versions.Api!.Unit, versions.Service);
        }
    }
}
