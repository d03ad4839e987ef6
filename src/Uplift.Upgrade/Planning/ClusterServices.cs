using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// The services a cluster upgrades: the catalog's services (in its order: keystone first, placement before nova …)
/// without the optional ones the inventory does not enable.
/// </summary>
public static class ClusterServices
{
    public static IReadOnlyList<ServiceDefinition> For(ClusterInventory inventory, OpenStackCatalog catalog)
    {
        var problems = new List<Diagnostic>();
        foreach (var name in inventory.OptionalServices)
        {
            var known = catalog.FindService(name);
            if (known is null)
            {
                var optional = string.Join(", ", catalog.Services.Where(s => s.Optional).Select(s => s.Name));
                problems.Add(new Diagnostic($"unknown optional service '{name}'", new SourceLocation(inventory.Source),
                    $"services.optional takes: {optional}; a site service can be added with a catalog overlay"));
            }
        }
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        // The catalog's list is already in an order that honours every "after" (CatalogLoader checks it),
        // and any subsequence of it still does.
        return catalog.Services
            .Where(s => !s.Optional || inventory.OptionalServices.Contains(s.Name))
            .ToArray();
    }
}
