using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.MessageQueue;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// Service by service: the VIP holder first (with the DB steps, so the schema is expanded before any other
/// controller runs new code), then the other controllers in parallel, then the service's satellites
/// (volume nodes; neutron agents on network nodes one at a time, paced, behind a RabbitMQ queue gate).
/// </summary>
internal static class ControlPlaneSteps
{
    public static string Add(HopContext ctx, IEnumerable<string> entry)
    {
        var steps = ctx.Steps;
        var previous = entry.ToArray();
        foreach (var service in ctx.Services)
        {
            var vip = ctx.VipHolder;
            if (service.ApiLast && SatelliteNodes(ctx, service).Any() && ApiLastSteps.Add(ctx, service, previous) is { } apiLast)
            {
                steps.Group = $"{service.Name}: done";
                previous = [steps.Add($"{service.Name}/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: apiLast)];
                continue;
            }
            ctx.Enter(Phases.ControlPlane, $"{service.Name}: VIP holder {vip.Name}", service.Name);
            var first = NodeUpgrade.Add(ctx, service, vip, ConcurrencyClasses.VipHolder, previous, [], withDatabase: true);
            var ends = new List<string>(first?.Ended ?? previous);

            ctx.Enter(Phases.ControlPlane, $"{service.Name}: other controllers", service.Name);
            foreach (var node in ctx.OtherControllers)
            {
                var healthy = first is null ? previous : [first.Healthy];
                var done = NodeUpgrade.Add(ctx, service, node, ConcurrencyClasses.Controllers, healthy, first?.Ended ?? [], withDatabase: false);
                ends.AddRange(done?.Ended ?? []);
            }
            ends.AddRange(Satellites(ctx, service, ends.ToArray()));
            steps.Group = $"{service.Name}: done";
            previous = [steps.Add($"{service.Name}/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: ends)];
        }
        return previous[0];
    }

    /// <summary>The nodes of the service's satellite roles that are not controllers (computes have their own dance).</summary>
    public static IEnumerable<Node> SatelliteNodes(HopContext ctx, Catalog.ServiceDefinition service) =>
        service.SatelliteRoles.Where(r => r is not (Role.Controller or Role.Compute))
            .SelectMany(role => ctx.Inventory.WithRole(role).Where(n => !n.Has(Role.Controller)));

    /// <summary>The satellite roles in the order the service lists them: a role's nodes start once the previous role's
    /// have ended (swift: storage nodes, then proxies).</summary>
    public static IEnumerable<string> Satellites(HopContext ctx, Catalog.ServiceDefinition service, string[] controlPlane)
    {
        var ends = new List<string>();
        foreach (var role in service.SatelliteRoles.Where(r => r is not (Role.Controller or Role.Compute)))
        {
            controlPlane = ends.Count > 0 ? [.. ends] : controlPlane;
            var nodes = ctx.Inventory.WithRole(role).Where(n => !n.Has(Role.Controller)).ToArray();
            var paced = role == Role.Network && PacedAgents.Are(service);
            // Nodes serving the service's API (swift proxies) go one at a time, each drained, so the API keeps answering.
            var oneByOne = !paced && (service.RollingSatellites || nodes.Any(n => DrainedWork.Backends(ctx, service, n).Count > 0));
            ctx.Enter(Phases.ControlPlane, paced
                ? $"{service.Name}: agents on {InventoryYamlWriter.RoleName(role)} nodes, {ctx.Inventory.Concurrency.NeutronAgents} at a time, {ctx.Inventory.Concurrency.NeutronAgentPauseSeconds} s apart"
                : oneByOne ? $"{service.Name}: {InventoryYamlWriter.RoleName(role)} nodes one at a time"
                : $"{service.Name}: {InventoryYamlWriter.RoleName(role)} nodes", service.Name);
            var window = oneByOne ? 1 : Math.Max(1, ctx.Inventory.Concurrency.NeutronAgents);
            var perNode = new List<IReadOnlyList<string>>();
            foreach (var node in nodes)
            {
                var needs = controlPlane;
                // Paced nodes form a sliding window in the plan itself: a node starts only when the one
                // `window` places before it has ended, so no more than `window` agents are down at once.
                var after = (paced || oneByOne) && perNode.Count >= window ? perNode[^window] : [];
                if (paced)
                {
                    // Each agent restart floods RabbitMQ with state reports: wait for the queues to drain first.
                    needs = [ctx.Steps.Add($"{service.Name}/{node.Name}/queue-gate", QueueGateStep.For(ctx.VipHolder.Name, ctx.Catalog.QueueGate), node.Name,
                        ConcurrencyClasses.NeutronAgents, needs: controlPlane, after: after)];
                }
                if (paced)
                {
                    // OVS (and keepalived) restart from their maintainer scripts: in this node's paced window, before its
                    // agents stop and start again on the new OVS.
                    needs = [Infrastructure.Add(ctx, node, $"{service.Name}/{node.Name}/", ConcurrencyClasses.NeutronAgents, needs)];
                }
                var done = NodeUpgrade.Add(ctx, service, node,
                    paced ? ConcurrencyClasses.NeutronAgents : oneByOne ? ConcurrencyClasses.Restarts : ConcurrencyClasses.Satellites,
                    needs, after, withDatabase: false, pauseAfterSeconds: paced ? ctx.Inventory.Concurrency.NeutronAgentPauseSeconds : 0);
                perNode.Add(done?.Ended ?? []);
                ends.AddRange(done?.Ended ?? []);
            }
        }
        return ends;
    }
}
