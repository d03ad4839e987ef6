using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.MessageQueue;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// The compute dance, computes last: a canary alone first, then zone after zone in name order, each zone's computes
/// pipelined: a compute enters its dance as soon as one of the zone's places (concurrency.compute_batch, a per-node
/// class) frees, with no barrier between batches. On each compute: disable nova-compute with a reason (the scheduler
/// stops placing instances); when it must be emptied (<see cref="WhyEmptied"/>: its hypervisor stack moves, or
/// --live-migrate) live-migrate its instances away (the cluster's migration budget and nova's per-host limit bound how
/// many move at once) or refuse it while instances remain (unless allowed), then its hypervisor stack; otherwise it is
/// upgraded in place, instances running. Then its code, nova-compute started, its neutron agents paced behind the queue
/// gate; wait until the service is up on the new version, enable it again (always, even after a failure). A failure stops new
/// computes from entering (beyond the zone's compute_max_fail_percent); those in their dance, migrations included, finish.
/// </summary>
internal static class ComputeSteps
{
    public const string NoZone = "(no zone)";

    public static string Add(HopContext ctx, string controlPlaneDone)
    {
        var steps = ctx.Steps;
        var computes = ctx.Inventory.Nodes.Where(InDance).ToArray();
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

    /// <summary>The nodes this dance upgrades: computes that are no controllers.</summary>
    public static bool InDance(Node node) => node.Has(Role.Compute) && !node.Has(Role.Controller);

    /// <summary>Why the compute must be emptied before its upgrade; null when it is upgraded in place, its instances
    /// running (nova-compute's restart does not stop them, nova doc admin/upgrades.rst).</summary>
    public static string? WhyEmptied(HopContext ctx, Node node)
    {
        if (ctx.Options.LiveMigrate)
        {
            return "--live-migrate empties every compute";
        }
        if (!ctx.HypervisorUpgrades.Contains(node.Name))
        {
            return null;
        }
        var moving = ctx.HypervisorUpgrades[node.Name].ToList();
        return moving.Count == 0 ? null
            : "its hypervisor stack moves: " + string.Join("; ", moving.Select(u => u.Shown +
                (ctx.Catalog.HypervisorStack.TryGetValue(u.Package, out var why) ? $" ({why})" : "")));
    }

    /// <summary>What every compute of one kind (its roles and units' form; emptied or in place) is given: the same
    /// argument records for each, so the plan writes them once.</summary>
    private sealed record Dance(
        UnitsStopStep Stop, PackagesInstallStep Install, DependenciesUpgradeStep? Dependencies, UnitsStartStep? Start, UnitsStartStep? StartAgents,
        QueueGateStep QueueGate);

    private static Dance DanceOf(HopContext ctx, Node node, bool inPlace) => ctx.PerRoles(inPlace ? "compute-dance-in-place" : "compute-dance", node, () =>
    {
        var services = ctx.ServicesOn(node).ToArray();
        var units = NodeUpgrade.Units(services, [Role.Compute]);
        var agents = NodeUpgrade.Units(services.Where(PacedAgents.Are), [Role.Compute]);
        var others = units.Except(agents).ToArray();
        var packages = PackageTarget.For(NodeUpgrade.Packages(services, [Role.Compute]), ctx.To, ctx.Catalog);
        // Its dependencies here, not in "prepare": some pull the hypervisor stack (libvirt-daemon-system depends on
        // libvirt-clients of the same version), kept as it is in place, moved with the rest once emptied.
        var stack = inPlace ? [.. ctx.Catalog.HypervisorStack.Keys.Order(StringComparer.Ordinal)] : (string[]?)null;
        var dependencies = PrepareSteps.Dependencies(ctx, node);
        return new Dance(
            new UnitsStopStep(units, packages),
            new PackagesInstallStep(packages, stack),
            dependencies.Length > 0 ? new DependenciesUpgradeStep(dependencies.Split(' '), stack) : null,
            others.Length > 0 ? new UnitsStartStep(others) : null,
            agents.Length > 0 ? new UnitsStartStep(agents) : null,
            QueueGateStep.For(ctx.VipHolder.Name, ctx.Catalog.QueueGate));
    });

    private static IEnumerable<string> AddNode(HopContext ctx, Node node, string disable)
    {
        var steps = ctx.Steps;
        var at = $"computes/{node.Name}/";
        var service = new ComputeService(node.Name);
        var why = WhyEmptied(ctx, node);
        var dance = DanceOf(ctx, node, inPlace: why is null);
        var last = disable;
        if (why is not null && ctx.Options.LiveMigrate)
        {
            // Destinations are the scheduler's choice among enabled computes: never one in its dance (each is disabled
            // first), but it may be one not yet upgraded, whose instances then move again in their turn.
            last = steps.Add(at + "migrate", new ComputeMigrateInstancesStep(service), node.Name, ConcurrencyClasses.LiveMigrations,
                needs: [disable]);
        }
        if (why is not null && !ctx.Options.AllowInstances)
        {
            last = steps.Add(at + "check-empty", new ComputeCheckEmptyStep(service, why), node.Name, ConcurrencyClasses.Computes, needs: [last]);
        }
        // An emptied compute's hypervisor stack and OVS restart from their maintainer scripts here, in the node's own
        // window, never cluster-wide in "prepare", and it reboots when it needs to; its agents start after, on the new
        // OVS. A compute upgraded in place keeps its hypervisor stack: its install is refused if it would move it.
        last = Infrastructure.Add(ctx, node, at, ConcurrencyClasses.Computes, [last], inPlace: why is null);
        if (dance.Dependencies is { } dependencies)
        {
            last = steps.Add(at + "dependencies", dependencies, node.Name, ConcurrencyClasses.Computes, needs: [last]);
        }
        last = steps.Add(at + "stop", dance.Stop, node.Name, ConcurrencyClasses.Computes, needs: [last]);
        last = steps.Add(at + "install", dance.Install, node.Name, ConcurrencyClasses.Computes, needs: [last]);
        if (dance.Start is { } start)
        {
            last = steps.Add(at + "start", start, node.Name, ConcurrencyClasses.Computes, needs: [last]);
        }
        if (dance.StartAgents is { } agents)
        {
            // Paced like every neutron agent: each restart floods RabbitMQ with the agent's resync, so it waits for the
            // queues to drain (catalog queue-gate), no more than concurrency.compute_neutron_agents at once, a pause after.
            last = steps.Add(at + QueueGateStep.Name, dance.QueueGate, node.Name, ConcurrencyClasses.ComputeAgents, needs: [last]);
            last = steps.Add(at + "start-agents", agents, node.Name, ConcurrencyClasses.ComputeAgents, needs: [last],
                pauseAfterSeconds: ctx.Inventory.Concurrency.NeutronAgentPauseSeconds);
        }
        last = steps.Add(at + "wait-up", new ComputeWaitUpStep(service, ctx.To.Series), node.Name, ConcurrencyClasses.Computes, needs: [last]);
        var enable = steps.Add(at + "enable", new ComputeEnableStep(service), node.Name, ConcurrencyClasses.Computes, needs: [disable],
            after: [last], alwaysRun: true);
        return [last, enable];
    }
}
