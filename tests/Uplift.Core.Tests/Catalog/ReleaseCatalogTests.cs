using Uplift.Catalog;

namespace Uplift.Tests.Catalog;

public class ReleaseCatalogTests
{
    private readonly OpenStackCatalog catalog = CatalogLoader.LoadEmbedded();

    [Fact]
    public void Given_the_embedded_catalog_When_listing_releases_Then_zed_to_indri_are_listed_oldest_first()
    {
        catalog.Releases.Select(r => r.Series).ShouldBe(
            ["zed", "antelope", "bobcat", "caracal", "dalmatian", "epoxy", "flamingo", "gazpacho", "hibiscus", "indri"]);
        catalog.Releases.Select(r => r.Id).ShouldBe(
            ["2022.2", "2023.1", "2023.2", "2024.1", "2024.2", "2025.1", "2025.2", "2026.1", "2026.2", "2027.1"]);
    }

    [Fact]
    public void Given_the_embedded_catalog_When_reading_flags_Then_every_x_1_release_is_slurp_and_only_indri_is_future()
    {
        foreach (var release in catalog.Releases)
        {
            release.Slurp.ShouldBe(release.Id.EndsWith(".1", StringComparison.Ordinal), release.ToString());
        }
        catalog.Releases.Where(r => r.Future).Select(r => r.Series).ShouldBe(["indri"]);
    }

    [Theory]
    [InlineData("epoxy", "2025.1")]
    [InlineData("2024.1", "2024.1")]
    [InlineData("Caracal", "2024.1")]
    public void Given_a_series_or_id_When_finding_the_release_Then_it_is_found(string name, string id) =>
        catalog.FindRelease(name)!.Id.ShouldBe(id);

    [Fact]
    public void Given_the_embedded_catalog_When_loaded_twice_Then_the_same_parsed_instance_is_served() =>
        CatalogLoader.LoadEmbedded().ShouldBeSameAs(catalog);

    [Fact]
    public void Given_the_embedded_catalog_Then_it_carries_a_version_and_a_sha256_content_hash()
    {
        catalog.Version.ShouldNotBeNullOrWhiteSpace();
        catalog.ContentHash.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Given_the_apt_settings_When_switching_to_epoxy_Then_a_deb822_stanza_names_both_suites_of_the_nodes_codename()
    {
        catalog.Apt.Format.ShouldBe(AptSettings.Deb822);
        catalog.Apt.SourcesFile.ShouldBe("/etc/apt/sources.list.d/osbpo.debian.net.sources");
        var epoxy = catalog.FindRelease("epoxy")!;
        catalog.Apt.ContentFor(epoxy).ShouldBe(
            "Types: deb\nURIs: http://osbpo.debian.net/debian\nSuites: {codename}-epoxy-backports {codename}-epoxy-backports-nochange\nComponents: main\n");
        // The sandbox's one-line form: a line per suite.
        catalog.Apt.LinesFor(epoxy).ShouldBe([
            "deb http://osbpo.debian.net/debian {codename}-epoxy-backports main",
            "deb http://osbpo.debian.net/debian {codename}-epoxy-backports-nochange main"]);
        // The former one-line file and the older installers' per-release file go.
        catalog.Apt.ReplacedFor(epoxy, catalog.FindRelease("dalmatian")).ShouldBe([
            "/etc/apt/sources.list.d/openstack.list", "/etc/apt/sources.list.d/{codename}-dalmatian.list"]);
    }

    [Fact]
    public void Given_the_config_changes_Then_each_names_a_known_release_a_file_and_a_note()
    {
        catalog.ConfigChanges.ShouldNotBeEmpty();
        foreach (var change in catalog.ConfigChanges)
        {
            catalog.FindRelease(change.Release).ShouldNotBeNull();
            change.File.ShouldStartWith("/etc/");
            change.Note.ShouldNotBeNullOrWhiteSpace();
        }
    }
}
