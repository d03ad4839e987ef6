using Uplift.Catalog;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Upgrade.Planning;

namespace Uplift.Tests.Progress;

/// <summary>`uplift status --observed`: the journal's view of each node beside what it runs now, differences flagged.</summary>
public class StatusObservedTests
{
    private static readonly Plan Plan = Planner.Build(InventoryLoader.Load(Fixtures.Project("examples/inventory.yaml")),
        CatalogLoader.LoadEmbedded(), "epoxy", "flamingo");

    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Every step of cmp1 done, one step of ctl2 done (mid-hop), nothing else.</summary>
    private static readonly IReadOnlyDictionary<string, StepRecord> Journal = Plan.Steps
        .Where(s => s.Nodes.SequenceEqual(["cmp1"]) || s.Id == Plan.Steps.First(f => f.Nodes.SequenceEqual(["ctl2"])).Id)
        .ToDictionary(s => s.Id, s => new StepRecord(s.Id, StepState.Done, 1, Noon, Noon, 0, "", "", ""));

    private static string Line(string text, string node) => text.Split('\n').Single(l => l.StartsWith($"  {node} ", StringComparison.Ordinal));

    [Fact]
    public void Given_nodes_that_run_what_the_journal_says_When_shown_Then_none_is_flagged()
    {
        var text = StatusView.Render(Plan, new RunRecord(1, Plan.InputsHash, Noon, Noon, "failed"), Journal,
            new Dictionary<string, string> { ["cmp1"] = "flamingo", ["ctl2"] = "mixed", ["ctl3"] = "epoxy" });

        Line(text, "cmp1").ShouldNotContain("differs");
        Line(text, "ctl2").ShouldNotContain("differs", customMessage: "a node mid-hop may run either release, or both");
        Line(text, "ctl3").ShouldNotContain("differs");
    }

    [Fact]
    public void Given_a_node_the_journal_has_upgraded_that_runs_the_old_release_When_shown_Then_it_is_flagged()
    {
        var text = StatusView.Render(Plan, new RunRecord(1, Plan.InputsHash, Noon, Noon, "failed"), Journal,
            new Dictionary<string, string> { ["cmp1"] = "epoxy", ["ctl3"] = "flamingo" });

        Line(text, "cmp1").ShouldEndWith("epoxy   <- differs from the journal");
        Line(text, "ctl3").ShouldEndWith("flamingo   <- differs from the journal", customMessage: "a node the journal has not touched cannot run the target");
        text.ShouldContain("do not run what the journal says");
    }
}
