using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// The compute dance, computes last: a canary alone first, then zone after zone in name order, each zone's computes
/// pipelined: a compute enters its dance as soon as one of the zone's places (concurrency.compute_batch, a per-node
/// class) frees, with no barrier between batches. On each compute: disable nova-compute with a reason (the scheduler
/// stops placing instances), optionally live-migrate its instances away (the cluster's migration budget and nova's
/// per-host limit bound how many move at once), refuse it if instances remain (unless allowed), upgrade and restart,
/// wait until the service is up on the new version, enable it again (always, even after a failure). A failure stops new
/// computes from entering (beyond the zone's compute_max_fail_percent); those in their dance, migrations included, finish.
/// </summary>
internal static class ComputeSteps
{
    public const string NoZone = "(no zone)";

    public static string Add(HopContext ctx, string controlPlaneDone)
    {
        var steps = ctx.Steps;
        var computes = ctx.Inventory.WithRole(Role.Compute).Where(n => !n.Has(Role.Controller)).ToArray();
        var previous = controlPlaneDone;
        var number = 0;
        foreach (var (zone, nodes, label) in Groups(computes))
        {
            number++;
            ctx.Enter(Phases.Computes, $"{zone}: {label}", "nova");
            var entry = previous;
            var ended = nodes.SelectMany(node => AddNode(ctx, node, AddDisable(ctx, node, entry))).ToArray();
            previous = steps.Add($"computes/batch-{number}", new BatchMilestone(zone, nodes.Count, ctx.Inventory.Concurrency.ComputeMaxFailPercent), null,
                ConcurrencyClasses.Cluster, after: ended);
        }
        ctx.Enter(Phases.Computes, "done");
        return steps.Add("computes/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: [previous]);
    }

    /// <summary>
    /// Zones in name order; the very first compute is a canary of its own, which must end before any other compute
    /// starts; then each zone's computes (concurrency.compute_batch at a time, each entering when a place frees).
    /// </summary>
    public static IEnumerable<(string Zone, IReadOnlyList<Node> Nodes, string Label)> Groups(IReadOnlyList<Node> computes)
    {
        var zones = computes.GroupBy(n => n.AvailabilityZone ?? NoZone).OrderBy(g => g.Key, StringComparer.Ordinal);
        var canaryDone = false;
        foreach (var zone in zones)
        {
            var nodes = zone.ToList();
            if (!canaryDone)
            {
                canaryDone = true;
                yield return (zone.Key, [nodes[0]], "canary");
                nodes.RemoveAt(0);
            }
            if (nodes.Count > 0)
            {
                yield return (zone.Key, nodes, $"{nodes.Count} compute{(nodes.Count == 1 ? "" : "s")}, pipelined");
            }
        }
    }

    private static string AddDisable(HopContext ctx, Node node, string entry) =>
        ctx.Steps.Add($"computes/{node.Name}/disable", new ComputeDisableStep(new(node.Name), ctx.Reason), node.Name, ConcurrencyClasses.Computes,
            needs: [entry]);

    private static IEnumerable<string> AddNode(HopContext ctx, Node node, string disable)
    {
        var units = NodeUpgrade.Units(ctx.ServicesOn(node), [Role.Compute]);
        var packages = NodeUpgrade.Packages(ctx.ServicesOn(node), [Role.Compute]);
        var steps = ctx.Steps;
        var at = $"computes/{node.Name}/";
        var service = new ComputeService(node.Name);
        var last = disable;
        if (ctx.Options.LiveMigrate)
        {
            // Destinations are the scheduler's choice among enabled computes: never one in its dance (each is disabled
            // first), but it may be one not yet upgraded, whose instances then move again in their turn.
            last = steps.Add(at + "migrate", new ComputeMigrateInstancesStep(service), node.Name, ConcurrencyClasses.LiveMigrations,
                needs: [disable]);
        }
        if (!ctx.Options.AllowInstances)
        {
            last = steps.Add(at + "check-empty", new ComputeCheckEmptyStep(service), node.Name, ConcurrencyClasses.Computes, needs: [last]);
        }
        // The hypervisor stack and OVS restart from their maintainer scripts: upgraded here, in the node's own window,
        // once it is emptied (or checked to be), never cluster-wide in "prepare"; its agents start after, on the new OVS.
        last = Infrastructure.Add(ctx, node, at, ConcurrencyClasses.Computes, [last]);
        last = steps.Add(at + "stop", new UnitsStopStep(units, PackageTarget.For(packages, ctx.To, ctx.Catalog)), node.Name, ConcurrencyClasses.Computes, needs: [last]);
        last = steps.Add(at + "install", new PackagesInstallStep(PackageTarget.For(packages, ctx.To, ctx.Catalog)), node.Name, ConcurrencyClasses.Computes, needs: [last]);
        last = steps.Add(at + "start", new UnitsStartStep(units), node.Name, ConcurrencyClasses.Computes, needs: [last]);
        last = steps.Add(at + "wait-up", new ComputeWaitUpStep(service, ctx.To.Series), node.Name, ConcurrencyClasses.Computes, needs: [last]);
        var enable = steps.Add(at + "enable", new ComputeEnableStep(service), node.Name, ConcurrencyClasses.Computes, needs: [disable],
            after: [last], alwaysRun: true);
        return [last, enable];
    }
}
