using System.Security.Cryptography;
using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Planning;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// Turns (inventory, catalog, from, to, options) into a <see cref="Plan"/>. Pure: no I/O, no clock, no randomness;
/// the same inputs give a byte-identical plan.
/// </summary>
public static class Planner
{
    public static string ToolVersion { get; } =
        typeof(Planner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <param name="listener">Hears the plan's head and then each step as it is added (<see cref="PlanStream"/> writes the
    /// plan's file meanwhile); the plan returned is the same.</param>
    public static Plan Build(
        ClusterInventory inventory, OpenStackCatalog catalog, string from, string to, PlanOptions? options = null, IPlanListener? listener = null)
    {
        options ??= new PlanOptions();
        var puppetMasters = inventory.WithRole(Role.PuppetMaster).ToList();
        inventory = WithAlternatives(inventory.Managed, options);
        var hops = PlanPath.Hops(catalog, from, to, options.Via);
        var controllers = Controllers(inventory, options);
        var services = ClusterServices.For(inventory, catalog);
        var update = hops.Count == 0;
        var stages = update ? [new UpgradeHop(new UpgradePaths(catalog).Release(from), new UpgradePaths(catalog).Release(to), false)] : hops;
        // A node has about 19 steps per hop (a compute's dance, prepare, preflight, verify and finalize), its cluster's few hundred more.
        var steps = new StepList(stages.Count * (20 * inventory.Nodes.Count + 500)) { Listener = listener };
        var inputs = new PlanInputs(
            inventory.Source, inventory.ContentHash, catalog.Version, catalog.ContentHash, ToolVersion,
            stages[0].From.Series, stages[^1].To.Series, options);
        var hash = HashOf(inputs);
        var head = new Plan(
            PlanJson.FormatVersion,
            inventory.Cluster,
            update ? "update" : "upgrade",
            stages.Select(h => new PlanHop(h.From.Series, h.To.Series)).ToArray(),
            ConcurrencyClasses.For(inventory.Concurrency, options, inventory.Puppet.RunsAtOnce),
            [],
            inputs,
            hash);
        listener?.Begun(head);
        var previous = Array.Empty<string>();
        for (var i = 0; i < stages.Count; i++)
        {
            steps.Prefix = stages.Count == 1 ? "" : stages[i].To.Series + "/";
            var ctx = new HopContext(inventory, catalog, options, stages[i].From, stages[i].To, i == 0, services, controllers[0], controllers, steps,
                hash[..16])
            { PuppetMasters = puppetMasters };
            previous = [update ? AddUpdate(ctx) : AddHop(ctx, previous)];
        }
        return head with { Steps = steps.Steps };
    }

    private static string AddHop(HopContext ctx, string[] previousHop)
    {
        var preflight = PreflightSteps.Add(ctx, previousHop);
        string[] backup = ctx.FirstHop && ctx.Options.Backup ? [BackupSteps.Add(ctx, preflight)] : [];
        var pending = PendingMigrationSteps.Add(ctx, backup.Length > 0 ? backup : [preflight]);
        string[] entry = [PrepareSteps.Add(ctx, preflight), .. backup, pending];
        var controlPlane = Infrastructure.AddControllers(ctx, ControlPlaneSteps.Add(ctx, entry));
        var computes = ComputeSteps.Add(ctx, controlPlane);
        return VerifySteps.Add(ctx, FinalizeSteps.Add(ctx, computes, upgrade: true));
    }

    /// <summary>A minor update: no backup of schemas that do not change, no DB step, no RPC pin, no contract.</summary>
    private static string AddUpdate(HopContext ctx)
    {
        var preflight = PreflightSteps.Add(ctx, []);
        var prepared = PrepareSteps.Add(ctx, preflight);
        var controlPlane = UpdateSteps.Add(ctx, PendingMigrationSteps.Add(ctx, [prepared]));
        var computes = ComputeSteps.Add(ctx, controlPlane);
        return VerifySteps.Add(ctx, FinalizeSteps.Add(ctx, computes, upgrade: false));
    }

    /// <summary>Controllers with the VIP holder first.</summary>
    internal static IReadOnlyList<Node> Controllers(ClusterInventory inventory, PlanOptions options)
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

    /// <summary>The inventory with each node's <see cref="Node.Alternatives"/> as the options read them from the nodes.</summary>
    internal static ClusterInventory WithAlternatives(ClusterInventory inventory, PlanOptions options)
    {
        if (options.Alternatives.Length == 0)
        {
            return inventory;
        }
        var byNode = options.AlternativesByNode();
        if (byNode.Select(g => g.Key).FirstOrDefault(name => inventory.Find(name) is null) is { } unknown)
        {
            throw new InputException($"the plan's alternatives name node '{unknown}', which is not in cluster '{inventory.Cluster}'",
                new SourceLocation(inventory.Source), "plan again: the alternatives are read from the nodes");
        }
        return inventory with { Nodes = [.. inventory.Nodes.Select(n => byNode.Contains(n.Name) ? n with { Alternatives = [.. byNode[n.Name]] } : n)] };
    }

    internal static string HashOf(PlanInputs inputs)
    {
        var text = string.Join('\n',
            inputs.InventoryHash, inputs.CatalogVersion, inputs.CatalogHash, inputs.ToolVersion, inputs.From, inputs.To,
            inputs.Options.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
