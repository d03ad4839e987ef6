using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.MessageQueue;
using Uplift.Upgrade.Steps.Nodes;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Vip;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// Infrastructure packages (catalog dependencies.yaml 'infrastructure': OVS, libvirt/qemu, RabbitMQ, keepalived) whose
/// maintainer scripts restart their daemons: upgraded node by node in the node's own window, only those installed with
/// a newer candidate (DESIGN.md §3). Computes and network nodes do it in their own windows; controllers one at a time
/// after the control plane, the VIP holder last.
/// </summary>
internal static class Infrastructure
{
    /// <summary>The node's infrastructure step after <paramref name="needs"/>, then its reboot when the node needs one and,
    /// after RabbitMQ's package, the wait for its cluster to be whole again; the last of <paramref name="needs"/> when it
    /// has no infrastructure package.</summary>
    /// <param name="inPlace">A compute upgraded with its instances running: its hypervisor stack (catalog 'hypervisor-stack')
    /// is left out and it is not rebooted.</param>
    public static string Add(HopContext ctx, Node node, string at, string concurrencyClass, IReadOnlyList<string> needs, IReadOnlyList<string>? after = null,
        bool inPlace = false)
    {
        var packages = inPlace
            ? ctx.PerRoles("infrastructure-in-place", node, () => string.Join(' ', Packages(ctx, node).Split(' ').Where(p => !ctx.Catalog.HypervisorStack.ContainsKey(p))))
            : Packages(ctx, node);
        if (packages.Length == 0)
        {
            return needs[^1];
        }
        var upgraded = ctx.Steps.Add(at + "infrastructure", new DependenciesUpgradeStep(packages.Split(' ', StringSplitOptions.RemoveEmptyEntries)), node.Name, concurrencyClass, needs: needs, after: after);
        if (inPlace)
        {
            return upgraded;
        }
        // A new kernel or OVS may need the node rebooted (the seed's script reboots after OVS): here, in its own window.
        var rebooted = ctx.Steps.Add(at + "reboot", NodeRebootStep.Kind, node.Name, concurrencyClass, needs: [upgraded]);
        return packages.Split(' ').Contains(Rabbitmq)
            ? ctx.Steps.Add(at + RabbitmqHealthStep.Name, RabbitmqHealthStep.Kind, node.Name, concurrencyClass, needs: [rebooted])
            : rebooted;
    }

    /// <summary>The package whose nodes form a RabbitMQ cluster: after it, the cluster must be whole again.</summary>
    public const string Rabbitmq = "rabbitmq-server";

    /// <summary>
    /// Controllers one at a time, each drained out of every HAProxy, the VIP holder last, in Pacemaker standby (the VIP
    /// moved to another controller) when there is another: the others keep the message bus and the VIP up. After RabbitMQ's package on a node, its cluster
    /// must be whole again before the next node (rabbitmq.com/docs/rolling-upgrade: upgrade one node, check its health
    /// and the cluster's, then the next).
    /// </summary>
    public static string AddControllers(HopContext ctx, string controlPlaneDone)
    {
        ctx.Enter(Phases.ControlPlane, "controllers' infrastructure packages, one at a time, drained, VIP holder last (moved away first)");
        string[] previous = [controlPlaneDone];
        string[] after = [];
        foreach (var node in ctx.OtherControllers.Append(ctx.VipHolder))
        {
            if (Packages(ctx, node).Length == 0)
            {
                continue;
            }
            var at = $"infrastructure/{node.Name}/";
            var moveVip = node == ctx.VipHolder && ctx.Controllers.Count > 1 && ctx.Inventory.Pacemaker.ApiVipResource is not null;
            // A restart of RabbitMQ or keepalived, or a reboot, takes the node's APIs away: they are drained first.
            var services = ctx.Services.Where(s => DrainedWork.Backends(ctx, s, node).Count > 0).ToArray();
            var result = DrainedWork.Add(ctx, services, node, at, ConcurrencyClasses.Restarts, previous, after, (first, firstAfter) =>
            {
                string[] last = first;
                string[] follow = firstAfter;
                if (moveVip)
                {
                    last = [ctx.Steps.Add(at + "standby", new NodeStandbyStep(ctx.Inventory.Pacemaker.ApiVip, ctx.Inventory.Pacemaker.VipAddress), node.Name,
                        ConcurrencyClasses.Restarts, needs: last, after: follow)];
                    follow = [];
                }
                var done = Add(ctx, node, at, ConcurrencyClasses.Restarts, last, follow);
                return moveVip ? ctx.Steps.Add(at + "online", NodeUnstandbyStep.Kind, node.Name, ConcurrencyClasses.Restarts, needs: [done]) : done;
            });
            previous = [result.Healthy];
            after = [.. result.Ended];
        }
        return ctx.Steps.Add("infrastructure/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: previous, after: after);
    }

    private static string Packages(HopContext ctx, Node node) => ctx.PerRoles("infrastructure", node,
        () => string.Join(' ', node.Roles.SelectMany(ctx.Catalog.InfrastructureOn).Distinct(StringComparer.Ordinal)));
}
