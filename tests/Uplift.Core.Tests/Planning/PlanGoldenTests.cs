using Uplift.Planning;
using Uplift.Testing;
using Uplift.Upgrade.Planning;

namespace Uplift.Tests.Planning;

/// <summary>
/// The printed plans of whole clusters match checked-in expected texts. After an intended change, regenerate with
/// UPLIFT_UPDATE_GOLDEN=1 and review the diff like code.
/// </summary>
public sealed class PlanGoldenTests
{
    [Theory]
    [InlineData("examples/inventory.yaml", "epoxy", "flamingo", "", "example-epoxy-flamingo.txt")]
    [InlineData("examples/large-inventory.yaml", "epoxy", "flamingo", "", "large-epoxy-flamingo.txt")]
    [InlineData("examples/inventory.yaml", "bobcat", "epoxy", "caracal", "example-bobcat-caracal-epoxy.txt")]
    [InlineData("examples/inventory.yaml", "epoxy", "epoxy", "", "example-update-epoxy.txt")]
    public void Given_a_cluster_When_planned_Then_the_tree_matches_the_expected_text(string inventory, string from, string to, string via, string golden)
    {
        var plan = Planner.Build(PlanningInputs.Load(inventory), PlanningInputs.Catalog, from, to, new PlanOptions(Via: via));

        Golden.Match(PlanTreeView.Render(plan), $"tests/Uplift.Core.Tests/Planning/Golden/{golden}");
    }

    [Fact]
    public void Given_the_example_When_rendered_as_markdown_Then_it_matches_the_expected_runbook()
    {
        var plan = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo");

        Golden.Match(PlanMarkdownView.Render(plan), "tests/Uplift.Core.Tests/Planning/Golden/example-epoxy-flamingo.md");
    }
}
