using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// The compute dance, computes last: per availability zone, a canary alone first, then batches. On each compute:
/// disable nova-compute with a reason (the scheduler stops placing instances), optionally live-migrate its instances
/// away, refuse it if instances remain (unless allowed), upgrade and restart, wait until the service is up on the
/// new version, enable it again (always, even after a failure).
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
        foreach (var (zone, batch, label) in Batches(computes, ctx.Inventory.Concurrency.ComputeBatch))
        {
            number++;
            ctx.Enter(Phases.Computes, $"{zone}: {label}", "nova");
            // With live migration every compute of the batch is disabled before any instance moves: the scheduler would
            // otherwise send instances to a sibling that is about to be upgraded.
            var disables = ctx.Options.LiveMigrate ? batch.Select(node => AddDisable(ctx, node, previous)).ToArray() : null;
            var ended = batch.Select((node, i) => AddNode(ctx, node, disables?[i] ?? AddDisable(ctx, node, previous), disables ?? []))
                .SelectMany(e => e).ToArray();
            previous = steps.Add($"computes/batch-{number}", new BatchMilestone(zone, batch.Count, ctx.Inventory.Concurrency.ComputeMaxFailPercent), null,
                ConcurrencyClasses.Cluster, after: ended);
        }
        ctx.Enter(Phases.Computes, "done");
        return steps.Add("computes/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: [previous]);
    }

    /// <summary>Zones in name order; the very first compute is a canary batch of its own; then batches of <paramref name="size"/>.</summary>
    public static IEnumerable<(string Zone, IReadOnlyList<Node> Nodes, string Label)> Batches(IReadOnlyList<Node> computes, int size)
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
            var count = (nodes.Count + size - 1) / size;
            for (var i = 0; i < count; i++)
            {
                yield return (zone.Key, nodes.Skip(i * size).Take(size).ToArray(), $"batch {i + 1} of {count}");
            }
        }
    }

    private static string AddDisable(HopContext ctx, Node node, string entry) =>
        ctx.Steps.Add($"computes/{node.Name}/disable", new ComputeDisableStep(new(node.Name), ctx.Reason), node.Name, ConcurrencyClasses.Computes,
            needs: [entry]);


    /// <param name="batchDisables">With live migration: the disable steps of the whole batch, which its migration waits for.</param>
    private static IEnumerable<string> AddNode(HopContext ctx, Node node, string disable, string[] batchDisables)
    {
        var units = NodeUpgrade.Units(ctx.ServicesOn(node), [Role.Compute]);
        var packages = NodeUpgrade.Packages(ctx.ServicesOn(node), [Role.Compute]);
        var steps = ctx.Steps;
        var at = $"computes/{node.Name}/";
        var service = new ComputeService(node.Name);
        var last = disable;
        if (ctx.Options.LiveMigrate)
        {
            last = steps.Add(at + "migrate", new ComputeMigrateInstancesStep(service), node.Name, ConcurrencyClasses.LiveMigrations,
                needs: batchDisables);
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
