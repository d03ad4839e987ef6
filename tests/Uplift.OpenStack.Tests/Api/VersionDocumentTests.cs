using Uplift.Catalog;
using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.Api;

/// <summary>The highest microversion of a version document, read from nova's and cinder's own samples, and the
/// catalog's table (versions.yaml api) checked against them.</summary>
public class VersionDocumentTests
{
    private static string Sample(string name) => File.ReadAllText(Fixtures.Project($"tests/Uplift.OpenStack.Tests/Samples/versions/{name}"));

    [Theory]
    [InlineData("nova_stable-2025.1_versions-get-resp.json", "nova", "epoxy", "2.100")]
    [InlineData("nova_stable-2026.1_versions-get-resp.json", "nova", "gazpacho", "2.103")]
    [InlineData("cinder_stable-2025.1_versions-response.json", "cinder", "epoxy", "3.71")]
    [InlineData("cinder_stable-2026.1_versions-response.json", "cinder", "gazpacho", "3.71")]
    public void Given_a_release_branch_version_document_When_read_Then_its_highest_microversion_is_the_catalogs_for_that_release(
        string sample, string service, string series, string expected)
    {
        var reported = VersionDocument.MaxMicroversion(Sample(sample));

        reported.ToString().ShouldBe(expected);
        CatalogLoader.LoadEmbedded().CodeVersionsOf(service)!.Api!.Maxima[series].ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>It works!</html>")]
    [InlineData("""{"lab": "Uplift rehearsal cluster", "version": "31.0.0-1"}""")]
    [InlineData("""{"versions": [{"id": "v2.0", "version": ""}]}""")]
    public void Given_an_answer_that_names_no_microversion_When_read_Then_there_is_none(string body) =>
        VersionDocument.MaxMicroversion(body).ShouldBeNull();

    [Fact]
    public void Given_a_single_version_document_When_read_Then_its_microversion_is_found() =>
        VersionDocument.MaxMicroversion("""{"version": {"id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1"}}""").ToString().ShouldBe("2.96");
}
