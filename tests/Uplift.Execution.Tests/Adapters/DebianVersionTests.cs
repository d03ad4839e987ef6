using Uplift.Nodes;

namespace Uplift.Tests.Adapters;

public class DebianVersionTests
{
    [Theory]
    [InlineData("1.0", "1.1")]
    [InlineData("1.0~rc1", "1.0")]
    [InlineData("1.0~~", "1.0~")]
    [InlineData("1.0~", "1.0")]
    [InlineData("1.0", "1.0a")]
    [InlineData("1.0a", "1.0+")]
    [InlineData("1.9", "1.10")]
    [InlineData("9.2p1-2+deb12u9", "9.2p1-2+deb12u10")]
    [InlineData("9.9", "1:0.1")]
    [InlineData("2:1.0", "10:0.1")]
    [InlineData("1.0-1", "1.0-1.1")]
    [InlineData("1.0-1~bpo1", "1.0-1")]
    [InlineData("27.0.0-0ubuntu1~cloud0", "27.0.0-0ubuntu1")]
    [InlineData("2:27.0.0-1", "2:28.0.0~b1-1")]
    [InlineData("5.2.15-2", "5.2.15-2+b8")]
    public void Given_two_versions_When_compared_Then_the_first_sorts_before_the_second(string older, string newer)
    {
        DebianVersion.Compare(older, newer).ShouldBeLessThan(0);
        DebianVersion.Compare(newer, older).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("1.0", "1.00")]
    [InlineData("0:1.0", "1.0")]
    [InlineData("1.0", "1.0-0")]
    [InlineData("1:9.2p1-2+deb12u10", "1:9.2p1-2+deb12u10")]
    public void Given_two_spellings_of_one_version_When_compared_Then_they_are_equal(string a, string b)
    {
        DebianVersion.Compare(a, b).ShouldBe(0);
        DebianVersion.Parse(a).ShouldBe(DebianVersion.Parse(b));
    }

    [Fact]
    public void Given_a_version_with_epoch_and_hyphens_When_parsed_Then_the_revision_is_after_the_last_hyphen()
    {
        var version = DebianVersion.Parse("1:2.0-rc1-3");

        version.Epoch.ShouldBe(1);
        version.Upstream.ShouldBe("2.0-rc1");
        version.Revision.ShouldBe("3");
    }

    [Theory]
    [InlineData("")]
    [InlineData("x:1.0")]
    [InlineData("1:-1")]
    public void Given_a_malformed_version_When_parsed_Then_it_is_refused(string text) =>
        Should.Throw<FormatException>(() => DebianVersion.Parse(text));
}
