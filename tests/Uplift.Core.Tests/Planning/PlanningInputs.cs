using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Testing;

namespace Uplift.Tests.Planning;

/// <summary>The clusters the planner specs use: the checked-in examples, read as the CLI reads them.</summary>
internal static class PlanningInputs
{
    public static ClusterInventory Example => Load("examples/inventory.yaml");

    /// <summary>3 controllers, 12 network, 83 computes in 3 AZs, 2 volume nodes.</summary>
    public static ClusterInventory Large => Load("examples/large-inventory.yaml");

    public static OpenStackCatalog Catalog => CatalogLoader.LoadEmbedded();

    /// <summary>Loads with the project-relative path as the source name, so plans do not depend on the checkout's location.</summary>
    public static ClusterInventory Load(string relative) =>
        InventoryLoader.Parse(File.ReadAllText(Fixtures.Project(relative)), relative);
}
