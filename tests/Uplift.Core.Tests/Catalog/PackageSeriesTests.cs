using Uplift.Catalog;

namespace Uplift.Tests.Catalog;

/// <summary>RabbitMQ's rolling upgrade skips no release series (rabbitmq.com/docs/rolling-upgrade); versions are Debian's.</summary>
public sealed class PackageSeriesTests
{
    private static readonly IReadOnlyList<string> Rabbitmq = CatalogLoader.LoadEmbedded().SeriesBySeries["rabbitmq-server"];

    [Theory]
    [InlineData("3.10.8-1.1+deb12u1", "3.10")]
    [InlineData("4.0.5-6+deb13u2", "4.0")]
    [InlineData("1:2.3.3-1", "2.3")]
    [InlineData("4.3.6-1", "4.3")]
    [InlineData("3.13~rc1-1", "3.13")]
    [InlineData("20240101-1", null)]
    [InlineData("a.b-1", null)]
    public void The_series_of_a_debian_version_is_its_upstream_major_and_minor(string version, string? series) =>
        PackageSeries.Of(version).ShouldBe(series);

    [Theory]
    [InlineData("3.10.8-1.1+deb12u1", "4.0.5-6+deb13u2", "skips 3.11, 3.12, 3.13", "3.10 → 3.11 → 3.12 → 3.13 → 4.0")]
    [InlineData("4.0.5-6+deb13u2", "4.3.6-1", "skips 4.1, 4.2", "4.0 → 4.1 → 4.2 → 4.3")]
    public void Debians_rabbitmq_hops_skip_series_and_the_refusal_names_the_path(string installed, string candidate, string skipped, string path)
    {
        var jump = PackageSeries.Jump("rabbitmq-server", installed, candidate, Rabbitmq).ShouldNotBeNull();

        jump.ShouldContain($"rabbitmq-server {installed} → {candidate} {skipped}");
        jump.ShouldContain(path);
    }

    [Theory]
    [InlineData("3.13.7-1", "4.0.5-6+deb13u2")]
    [InlineData("3.10.8-1.1", "3.10.8-1.1+deb12u1")]
    [InlineData("4.0.5-6", "4.1.0-1")]
    public void A_patch_release_or_the_next_series_is_a_rolling_upgrade(string installed, string candidate) =>
        PackageSeries.Jump("rabbitmq-server", installed, candidate, Rabbitmq).ShouldBeNull();

    [Fact]
    public void A_series_the_catalog_does_not_know_is_refused_rather_than_guessed()
    {
        var jump = PackageSeries.Jump("rabbitmq-server", "4.3.6-1", "5.0.1-1", Rabbitmq).ShouldNotBeNull();

        jump.ShouldContain("the catalog does not know the release series of 5.0.1-1");
    }

    [Fact]
    public void Going_back_a_series_is_refused()
    {
        PackageSeries.Jump("rabbitmq-server", "4.0.5-6", "3.13.7-1", Rabbitmq).ShouldNotBeNull().ShouldContain("goes back from 4.0 to 3.13");
    }
}
