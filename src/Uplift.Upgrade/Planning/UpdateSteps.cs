using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;
using Uplift.Upgrade.Steps.Vip;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// A minor update (same release): no schema change, so no DB steps and no contract. Controllers one at a time:
/// drained, put in Pacemaker standby (the VIP and other resources leave; the VIP address must really be gone,
/// keepalived included), packages updated, units restarted, back online, APIs answering, back in HAProxy.
/// Network and volume nodes one at a time; computes pipelined per zone with the compute dance.
/// </summary>
internal static class UpdateSteps
{
    public static string Add(HopContext ctx, string prepared)
    {
        var steps = ctx.Steps;
        string[] previous = [prepared];
        string[] after = [];
        ctx.Enter(Phases.ControlPlane, "controllers, one at a time in Pacemaker standby");
        foreach (var node in ctx.Controllers)
        {
            var units = NodeUpgrade.Units(ctx.ServicesOn(node), NodeUpgrade.RolesOf(node, includeComputeRole: false));
            var packages = NodeUpgrade.Packages(ctx.ServicesOn(node), NodeUpgrade.RolesOf(node, includeComputeRole: false));
            var result = NodeWork(ctx, node, ConcurrencyClasses.Restarts, previous, after, (first, firstAfter) =>
            {
                var at = $"update/{node.Name}/";
                // Without a Pacemaker resource for the API VIP (api_vip: none) nothing moves: the node is drained only.
                var standby = ctx.Inventory.Pacemaker.ApiVipResource is null ? null
                    : steps.Add(at + "standby", new NodeStandbyStep(ctx.Inventory.Pacemaker.ApiVip, ctx.Inventory.Pacemaker.VipAddress), node.Name,
                        ConcurrencyClasses.Restarts, needs: first, after: firstAfter);
                var install = steps.Add(at + "install", new PackagesInstallStep(PackageTarget.For(packages, ctx.To, ctx.Catalog)), node.Name, ConcurrencyClasses.Restarts,
                    needs: standby is null ? first : [standby], after: standby is null ? firstAfter : []);
                // In standby (resources moved away): its infrastructure packages too, before its units restart.
                var infrastructure = Infrastructure.Add(ctx, node, at, ConcurrencyClasses.Restarts, [install]);
                var restart = steps.Add(at + "restart", new UnitsRestartStep(units), node.Name, ConcurrencyClasses.Restarts, needs: [infrastructure]);
                return standby is null ? restart : steps.Add(at + "online", NodeUnstandbyStep.Kind, node.Name, ConcurrencyClasses.Restarts, needs: [restart]);
            });
            previous = [result.Healthy];
            after = [.. result.Ended];
        }

        ctx.Enter(Phases.ControlPlane, "network and volume nodes, one at a time");
        foreach (var node in ctx.Inventory.Nodes.Where(n => !n.Has(Role.Controller) && !n.Has(Role.Compute)))
        {
            var units = NodeUpgrade.Units(ctx.ServicesOn(node), NodeUpgrade.RolesOf(node, includeComputeRole: false));
            var packages = NodeUpgrade.Packages(ctx.ServicesOn(node), NodeUpgrade.RolesOf(node, includeComputeRole: false));
            var install = steps.Add($"update/{node.Name}/install", new PackagesInstallStep(PackageTarget.For(packages, ctx.To, ctx.Catalog)), node.Name, ConcurrencyClasses.NeutronAgents,
                needs: previous, after: after);
            var infrastructure = Infrastructure.Add(ctx, node, $"update/{node.Name}/", ConcurrencyClasses.NeutronAgents, [install]);
            var restart = steps.Add($"update/{node.Name}/restart", new UnitsRestartStep(units), node.Name, ConcurrencyClasses.NeutronAgents,
                needs: [infrastructure],
                pauseAfterSeconds: node.Has(Role.Network) ? ctx.Inventory.Concurrency.NeutronAgentPauseSeconds : 0);
            previous = [restart];
            after = [];
        }
        ctx.Enter(Phases.ControlPlane, "done");
        return steps.Add("update/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: previous, after: after);
    }

    private static DrainedWork.Result NodeWork(HopContext ctx, Node node, string concurrencyClass, string[] needs, string[] after,
        Func<string[], string[], string> work)
    {
        // Every API of every service on the node is drained together: standby stops them all at once.
        var services = ctx.Services.Where(s => DrainedWork.Backends(ctx, s, node).Count > 0).ToArray();
        return DrainedWork.Add(ctx, services, node, $"update/{node.Name}/", concurrencyClass, needs, after, work);
    }
}
