using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.EndState;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// The last phase: every node shows the end state — each service's code package on the target release's major version,
/// every unit running and started after its packages were installed, each API unit answering on its own port, and
/// reporting the target's highest microversion where the catalog knows it (DESIGN.md §3b). Read-only; the executor looks at it
/// on every run instead of trusting the journal, so "succeeded" is only said for what the nodes show.
/// </summary>
internal static class VerifySteps
{
    public static string Add(HopContext ctx, string done)
    {
        var steps = ctx.Steps;
        ctx.Enter(Phases.Verify, "every node");
        var checks = new List<string>();
        foreach (var node in ctx.Inventory.Nodes)
        {
            var services = ctx.PerRoles("end-state", node, () => Services(ctx, node));
            if (services.Count > 0)
            {
                checks.Add(steps.Add($"verify/{node.Name}/end-state", new VerifyEndStateStep(ctx.To.Series, node.Address, services), node.Name,
                    ConcurrencyClasses.Nodes, needs: [done]));
            }
        }
        return steps.Add("verify/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: checks.Count > 0 ? checks : [done]);
    }

    private static IReadOnlyList<ServiceEndState> Services(HopContext ctx, Node node)
    {
        var services = new List<ServiceEndState>();
        foreach (var service in ctx.Services)
        {
            var packages = NodeUpgrade.PackagesOn(service, node, includeComputeRole: true);
            var code = ctx.Catalog.CodeVersionsOf(service.Name);
            if (packages.Count == 0 || code is null || !packages.Contains(code.Package))
            {
                continue;
            }
            // A release the catalog has no major for cannot be verified: -1 makes the check say so rather than pass.
            var major = code.Majors.TryGetValue(ctx.To.Series, out var m) ? m : -1;
            var units = NodeUpgrade.UnitsOn(service, node, includeComputeRole: true);
            var apis = service.On(node).Backends.Where(b => units.Contains(b.Unit)).Select(b => new ApiPort(b.Unit, b.Port)).ToList();
            var microversion = code.Api is { } api && units.Contains(api.Unit) && api.Maxima.TryGetValue(ctx.To.Series, out var maximum)
                ? new ApiMicroversion(api.Unit, maximum) : null;
            services.Add(new(service.Name, code.Package, major, packages, units, apis, microversion));
        }
        return services;
    }
}
