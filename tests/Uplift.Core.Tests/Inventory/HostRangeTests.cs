using Uplift.Inventory.Ansible;

namespace Uplift.Tests.Inventory;

public class HostRangeTests
{
    [Theory]
    [InlineData("ctl1", "ctl1")]
    [InlineData("compute[01:03]", "compute01 compute02 compute03")]
    [InlineData("compute[8:11]", "compute8 compute9 compute10 compute11")]
    [InlineData("node[a:c].example.net", "nodea.example.net nodeb.example.net nodec.example.net")]
    [InlineData("n[1:7:3]", "n1 n4 n7")]
    [InlineData("r[1:2]-c[a:b]", "r1-ca r1-cb r2-ca r2-cb")]
    [InlineData("h[:2]", "h0 h1 h2")]
    public void Given_a_host_pattern_When_expanded_Then_it_stands_for_these_hosts(string pattern, string expected)
    {
        HostRange.Expand(pattern).ShouldBe(expected.Split(' '));
    }

    [Theory]
    [InlineData("c[9:1]", "runs backwards")]
    [InlineData("c[01:100]", "different widths")]
    [InlineData("c[1:a]", "mixes numbers and letters")]
    [InlineData("c[1-5]", "is not a range")]
    [InlineData("c[1:5", "without a closing")]
    [InlineData("c[1:5:0]", "step")]
    [InlineData("c[c:a]", "runs backwards")]
    [InlineData("cmp[A:c]", "'[A:c]' mixes upper and lower case")]
    [InlineData("cmp[a:C]", "mixes upper and lower case")]
    [InlineData("cmp[1:]", "'[1:]' has no last value")]
    public void Given_a_bad_range_When_expanded_Then_the_error_says_what_is_wrong(string pattern, string expected)
    {
        Should.Throw<FormatException>(() => HostRange.Expand(pattern)).Message.ShouldContain(expected);
    }
}
