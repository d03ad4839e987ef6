using System.Security.Cryptography;
using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;

namespace Uplift.Planning;

/// <summary>
/// Turns (inventory, catalog, from, to, options) into a <see cref="Plan"/>. Pure: no I/O, no clock, no randomness;
/// the same inputs give a byte-identical plan.
/// </summary>
public static class Planner
{
    public static string ToolVersion { get; } =
        typeof(Planner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static Plan Build(ClusterInventory inventory, OpenStackCatalog catalog, string from, string to, PlanOptions? options = null)
    {
        options ??= new PlanOptions();
        var hops = PlanPath.Hops(catalog, from, to, options.Via);
        var controllers = Controllers(inventory, options);
        var services = ClusterServices.For(inventory, catalog);
        var steps = new StepList();
        var previous = Array.Empty<string>();
        for (var i = 0; i < hops.Count; i++)
        {
            steps.Prefix = hops.Count == 1 ? "" : hops[i].To.Series + "/";
            var ctx = new HopContext(inventory, catalog, options, hops[i].From, hops[i].To, i == 0, services, controllers[0], controllers, steps);
            previous = [AddHop(ctx, previous)];
        }
        var inputs = new PlanInputs(
            inventory.Source, inventory.ContentHash, catalog.Version, catalog.ContentHash, ToolVersion,
            hops[0].From.Series, hops[^1].To.Series, options);
        return new Plan(
            PlanJson.FormatVersion,
            inventory.Cluster,
            "upgrade",
            hops.Select(h => new PlanHop(h.From.Series, h.To.Series)).ToArray(),
            ConcurrencyClasses.For(inventory.Concurrency, options),
            steps.Steps,
            inputs,
            HashOf(inputs));
    }

    private static string AddHop(HopContext ctx, string[] previousHop)
    {
        var preflight = PreflightSteps.Add(ctx, previousHop);
        string[] backup = ctx.FirstHop && ctx.Options.Backup ? [BackupSteps.Add(ctx, preflight)] : [];
        string[] entry = [PrepareSteps.Add(ctx, preflight), .. backup];
        var controlPlane = ControlPlaneSteps.Add(ctx, entry);
        var computes = ComputeSteps.Add(ctx, controlPlane);
        return FinalizeSteps.Add(ctx, computes);
    }

    /// <summary>Controllers with the VIP holder first.</summary>
    private static IReadOnlyList<Node> Controllers(ClusterInventory inventory, PlanOptions options)
    {
        var controllers = inventory.WithRole(Role.Controller).ToList();
        if (controllers.Count == 0)
        {
            throw new InputException("the inventory has no node with the controller role", new SourceLocation(inventory.Source),
                "give at least one node 'roles: [controller]'");
        }
        if (options.VipHolder is { } name)
        {
            var holder = controllers.FirstOrDefault(c => c.Name == name) ?? throw new InputException(
                $"VIP holder '{name}' is not a controller of cluster '{inventory.Cluster}'", new SourceLocation(inventory.Source),
                $"controllers are: {string.Join(", ", controllers.Select(c => c.Name))}");
            controllers.Remove(holder);
            controllers.Insert(0, holder);
        }
        return controllers;
    }

    private static string HashOf(PlanInputs inputs)
    {
        var text = string.Join('\n',
            inputs.InventoryHash, inputs.CatalogVersion, inputs.CatalogHash, inputs.ToolVersion, inputs.From, inputs.To,
            inputs.Options.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
