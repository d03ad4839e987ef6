using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Planning;

namespace Uplift.Upgrade.Observation;

/// <summary>A saved plan may only run against the inventory and catalog it was built from, as uplift wrote it.</summary>
public static class PlanFreshness
{
    /// <summary>Throws, saying what changed and to plan again, when the inputs differ from the plan's.</summary>
    public static void Check(Plan plan, string planFile, ClusterInventory inventory, OpenStackCatalog catalog)
    {
        var hint = $"plan again: uplift plan --inventory {inventory.Source} --from {plan.Inputs.From} --to {plan.Inputs.To} --format json -o {planFile}";
        var problems = new List<Diagnostic>();
        if (plan.FormatVersion != PlanJson.FormatVersion)
        {
            problems.Add(new Diagnostic($"the plan has format version {plan.FormatVersion}; this uplift reads {PlanJson.FormatVersion}", plan.Locate(planFile, "$.format_version"), hint));
        }
        if (inventory.Cluster != plan.Cluster)
        {
            problems.Add(new Diagnostic($"the plan is for cluster '{plan.Cluster}', the inventory {inventory.Source} describes '{inventory.Cluster}'", plan.Locate(planFile, "$.cluster"), hint));
        }
        else if (inventory.ContentHash != plan.Inputs.InventoryHash)
        {
            problems.Add(new Diagnostic($"the inventory {inventory.Source} changed since the plan was made (sha256 {Short(plan.Inputs.InventoryHash)} then, {Short(inventory.ContentHash)} now)", plan.Locate(planFile, "$.inputs.inventory_sha256"), hint));
        }
        if (catalog.ContentHash != plan.Inputs.CatalogHash)
        {
            // An overlay's version is appended after '+' (docs/catalog.md): a plan made with one, checked without one, most
            // likely lost its --catalog on the way (resume, run --plan).
            var overlayLeftOut = plan.Inputs.CatalogVersion.Contains('+', StringComparison.Ordinal) && !catalog.Version.Contains('+', StringComparison.Ordinal);
            problems.Add(new Diagnostic($"the catalog changed since the plan was made (version {plan.Inputs.CatalogVersion} then, {catalog.Version} now; an overlay added, removed or edited?)", plan.Locate(planFile, "$.inputs.catalog_sha256"),
                overlayLeftOut ? "the plan was made with a catalog overlay: give the same file again with --catalog FILE" : hint));
        }
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
        PlanIntegrity.Check(plan, planFile, inventory, catalog, hint);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
