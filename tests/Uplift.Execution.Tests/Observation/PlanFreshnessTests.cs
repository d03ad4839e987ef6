using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Testing;
using Uplift.Upgrade.Observation;
using Uplift.Upgrade.Planning;

namespace Uplift.Tests.Observation;

/// <summary>A plan runs only against the catalog it was made with; one made with an overlay and checked without it says
/// to give the overlay again (resume, run --plan).</summary>
public sealed class PlanFreshnessTests
{
    private static readonly ClusterInventory Inventory = InventoryLoader.Load(Fixtures.Project("examples/inventory.yaml"));

    private static OpenStackCatalog Site => CatalogLoader.WithOverlay(Encoding.UTF8.GetBytes("catalog-version: site-1\napt:\n  source-line: \"deb http://mirror.example.net/osbpo bookworm-{series}-backports main\"\n"), "site.yaml");

    [Fact]
    public void Given_a_plan_made_with_an_overlay_When_checked_without_it_Then_the_hint_says_to_give_the_overlay_again()
    {
        var plan = Planner.Build(Inventory, Site, "epoxy", "flamingo");

        var problem = Should.Throw<InputException>(() => PlanFreshness.Check(plan, "journal", Inventory, CatalogLoader.LoadEmbedded())).Diagnostics.ShouldHaveSingleItem();

        problem.Summary.ShouldContain("the catalog changed since the plan was made");
        problem.Hint.ShouldBe("the plan was made with a catalog overlay: give the same file again with --catalog FILE");
    }

    [Fact]
    public void Given_a_plan_made_without_an_overlay_When_checked_with_one_Then_the_hint_says_to_plan_again()
    {
        var plan = Planner.Build(Inventory, CatalogLoader.LoadEmbedded(), "epoxy", "flamingo");

        var problem = Should.Throw<InputException>(() => PlanFreshness.Check(plan, "journal", Inventory, Site)).Diagnostics.ShouldHaveSingleItem();

        problem.Hint!.ShouldStartWith("plan again: uplift plan --inventory");
    }
}
