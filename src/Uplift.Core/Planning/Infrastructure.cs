using Uplift.Inventory;

namespace Uplift.Planning;

/// <summary>
/// Infrastructure packages (catalog dependencies.yaml 'infrastructure': OVS, libvirt/qemu, RabbitMQ, keepalived) whose
/// maintainer scripts restart their daemons: upgraded node by node in the node's own window, only those installed with
/// a newer candidate (DESIGN.md §3). Computes and network nodes do it in their own windows; controllers one at a time
/// after the control plane, the VIP holder last.
/// </summary>
internal static class Infrastructure
{
    /// <summary>The node's infrastructure step after <paramref name="needs"/>; the last of them when it has none.</summary>
    public static string Add(HopContext ctx, Node node, string at, string concurrencyClass, IReadOnlyList<string> needs)
    {
        var packages = Packages(ctx, node);
        return packages.Length == 0
            ? needs[^1]
            : ctx.Steps.Add(at + "infrastructure", StepKind.DependenciesUpgrade, node.Name, concurrencyClass, needs: needs,
                arguments: Args.Of(("packages", packages)));
    }

    /// <summary>Controllers one at a time, the VIP holder last (the others keep the message bus and the VIP up).</summary>
    public static string AddControllers(HopContext ctx, string controlPlaneDone)
    {
        ctx.Enter(Phases.ControlPlane, "controllers' infrastructure packages, one at a time, VIP holder last");
        var previous = controlPlaneDone;
        foreach (var node in ctx.OtherControllers.Append(ctx.VipHolder))
        {
            previous = Add(ctx, node, $"infrastructure/{node.Name}/", ConcurrencyClasses.Restarts, [previous]);
        }
        return previous;
    }

    private static string Packages(HopContext ctx, Node node) => ctx.PerRoles("infrastructure", node,
        () => string.Join(' ', node.Roles.SelectMany(ctx.Catalog.InfrastructureOn).Distinct(StringComparer.Ordinal)));
}
