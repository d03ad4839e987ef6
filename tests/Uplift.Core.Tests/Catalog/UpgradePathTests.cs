using Uplift.Catalog;
using Uplift.Diagnostics;

namespace Uplift.Tests.Catalog;

public class UpgradePathTests
{
    private readonly OpenStackCatalog catalog = CatalogLoader.LoadEmbedded();
    private readonly UpgradePaths paths = new(CatalogLoader.LoadEmbedded());

    [Theory]
    [InlineData("zed", "antelope")]
    [InlineData("bobcat", "caracal")]
    [InlineData("caracal", "dalmatian")]
    [InlineData("hibiscus", "indri")]
    public void Given_consecutive_releases_When_checking_Then_the_direct_upgrade_is_allowed(string from, string to)
    {
        var check = paths.Check(from, to);

        check.Allowed.ShouldBeTrue(check.Explanation);
        check.Path!.Hops.Count.ShouldBe(1);
        check.Path.Hops[0].SkipLevel.ShouldBeFalse();
    }

    [Theory]
    [InlineData("antelope", "caracal", "bobcat")]
    [InlineData("caracal", "epoxy", "dalmatian")]
    [InlineData("epoxy", "gazpacho", "flamingo")]
    [InlineData("gazpacho", "indri", "hibiscus")]
    public void Given_a_slurp_release_When_jumping_to_the_next_slurp_Then_the_skip_level_upgrade_is_allowed(string from, string to, string skipped)
    {
        var check = paths.Check(from, to);

        check.Allowed.ShouldBeTrue(check.Explanation);
        check.Path!.Hops.ShouldHaveSingleItem().SkipLevel.ShouldBeTrue();
        check.Explanation.ShouldContain(skipped);
    }

    [Fact]
    public void Given_bobcat_to_epoxy_When_checking_Then_it_is_refused_because_bobcat_is_not_slurp_and_proposes_the_caracal_hop()
    {
        var check = paths.Check("bobcat", "epoxy");

        check.Allowed.ShouldBeFalse();
        check.Explanation.ShouldContain("bobcat is not a SLURP release");
        check.Path!.ToString().ShouldBe("bobcat → caracal → epoxy");
        check.Explanation.ShouldContain("bobcat → caracal → epoxy");
    }

    [Fact]
    public void Given_a_slurp_release_When_jumping_two_slurps_ahead_Then_it_is_refused_with_the_slurp_to_slurp_path()
    {
        var check = paths.Check("caracal", "gazpacho");

        check.Allowed.ShouldBeFalse();
        check.Explanation.ShouldContain("caracal is a SLURP release");
        check.Path!.ToString().ShouldBe("caracal → epoxy → gazpacho");
    }

    [Fact]
    public void Given_a_slurp_release_When_jumping_past_the_next_slurp_to_a_non_slurp_Then_the_path_uses_the_slurp_jump_first()
    {
        var check = paths.Check("antelope", "dalmatian");

        check.Allowed.ShouldBeFalse();
        check.Path!.ToString().ShouldBe("antelope → caracal → dalmatian");
    }

    [Fact]
    public void Given_zed_to_gazpacho_When_finding_the_path_Then_it_takes_the_fewest_hops_through_the_slurp_releases()
    {
        var path = paths.Find("zed", "gazpacho");

        path.ToString().ShouldBe("zed → antelope → caracal → epoxy → gazpacho");
        path.Hops.Select(h => h.SkipLevel).ShouldBe([false, true, true, true]);
    }

    [Fact]
    public void Given_any_two_releases_When_finding_the_path_Then_every_hop_obeys_the_rule_and_no_shorter_path_exists()
    {
        var releases = catalog.Releases;
        for (var i = 0; i < releases.Count; i++)
        {
            for (var j = i; j < releases.Count; j++)
            {
                var path = paths.Find(releases[i].Series, releases[j].Series);
                path.Releases[0].ShouldBe(releases[i]);
                path.Releases[^1].ShouldBe(releases[j]);
                foreach (var hop in path.Hops)
                {
                    paths.Check(hop.From, hop.To).Allowed.ShouldBeTrue($"{path}: {hop}");
                }
                path.Hops.Count.ShouldBe(FewestHops(i, j), path.ToString());
            }
        }
    }

    /// <summary>Shortest hop count by dynamic programming over the pairs Check allows directly.</summary>
    private int FewestHops(int from, int to)
    {
        var releases = catalog.Releases;
        var fewest = new int[releases.Count];
        for (var k = from + 1; k <= to; k++)
        {
            fewest[k] = Enumerable.Range(from, k - from)
                .Where(m => paths.Check(releases[m], releases[k]).Allowed)
                .Min(m => fewest[m] + 1);
        }
        return fewest[to];
    }

    [Fact]
    public void Given_the_same_release_When_checking_Then_it_is_a_minor_update_not_an_error()
    {
        var check = paths.Check("epoxy", "epoxy");

        check.Allowed.ShouldBeTrue();
        check.Path!.IsMinorUpdate.ShouldBeTrue();
        check.Explanation.ShouldContain("minor update");
    }

    [Fact]
    public void Given_a_downgrade_When_checking_Then_it_is_refused_without_an_alternative()
    {
        var check = paths.Check("epoxy", "caracal");

        check.Allowed.ShouldBeFalse();
        check.Path.ShouldBeNull();
        check.Explanation.ShouldContain("downgrade");
    }

    [Fact]
    public void Given_a_downgrade_When_finding_a_path_Then_it_is_an_input_error() =>
        Should.Throw<InputException>(() => paths.Find("gazpacho", "zed")).Message.ShouldContain("downgrade");

    [Fact]
    public void Given_an_unknown_release_When_checking_Then_the_error_lists_the_known_series()
    {
        var error = Should.Throw<InputException>(() => paths.Check("yoga", "zed"));

        error.Diagnostics.ShouldHaveSingleItem().Summary.ShouldBe("unknown release 'yoga'");
        error.Diagnostics[0].Hint!.ShouldContain("zed (2022.2)");
        error.Diagnostics[0].Hint!.ShouldContain("indri (2027.1)");
    }

    [Fact]
    public void Given_a_future_target_When_checking_Then_the_explanation_says_it_is_not_released_yet() =>
        paths.Check("hibiscus", "indri").Explanation.ShouldContain("not released yet");

    [Fact]
    public void Given_release_ids_When_finding_the_path_Then_ids_work_like_series_names() =>
        paths.Find("2023.2", "2025.1").ToString().ShouldBe("bobcat → caracal → epoxy");
}
