using System.Security.Cryptography;
using System.Text;
using Uplift.Planning;
using Uplift.Upgrade.Planning;

namespace Uplift.Tests.Planning;

/// <summary>A plan file ends with the sha256 of everything before it; a parsed plan gives the same digest back.</summary>
public sealed class PlanDigestTests
{
    private static readonly Plan Example = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo");

    [Fact]
    public void Given_a_written_plan_When_read_back_Then_its_recorded_digest_is_the_sha256_of_the_bytes_before_it_and_recomputes_equal()
    {
        var json = PlanJson.Write(Example);
        var at = json.IndexOf(",\n  \"digest\": \"sha256:", StringComparison.Ordinal);

        var parsed = PlanJson.Parse(Encoding.UTF8.GetBytes(json), "plan.json");

        parsed.RecordedDigest.ShouldBe("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json[..at]))));
        PlanJson.DigestOf(parsed).ShouldBe(parsed.RecordedDigest);
        PlanJson.Write(parsed).ShouldBe(json, "a parsed plan writes back byte for byte");
    }

    [Fact]
    public void Given_one_argument_changed_When_read_Then_the_content_no_longer_matches_the_recorded_digest()
    {
        var json = PlanJson.Write(Example).Replace("\"command\": \"keystone-status upgrade check\"", "\"command\": \"keystone-status upgrade check; id\"",
            StringComparison.Ordinal);

        var parsed = PlanJson.Parse(Encoding.UTF8.GetBytes(json), "plan.json");

        PlanJson.DigestOf(parsed).ShouldNotBe(parsed.RecordedDigest);
        PlanJson.DigestOf(parsed).ShouldStartWith("sha256:");
    }

    [Theory]
    [InlineData(2, 100)]
    [InlineData(3, 1)]
    [InlineData(16, 7)]
    public void Given_a_plan_written_in_parallel_parts_When_compared_Then_its_bytes_are_those_of_one_writer(int cores, int minimumSteps)
    {
        var plan = Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo");
        plan.Steps.Count.ShouldBeGreaterThan(cores * minimumSteps, "enough steps for every part");

        var one = Written(plan, new PlanJson.Parts(1, minimumSteps));
        var parts = Written(plan, new PlanJson.Parts(cores, minimumSteps));

        parts.ShouldBe(one);
        PlanJson.Parse(Encoding.UTF8.GetBytes(parts), "plan.json").Steps.Select(s => s.Id).ShouldBe(plan.Steps.Select(s => s.Id));
    }

    private static string Written(Plan plan, PlanJson.Parts parts)
    {
        using var buffer = new MemoryStream();
        PlanJson.Write(plan, buffer, parts);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
