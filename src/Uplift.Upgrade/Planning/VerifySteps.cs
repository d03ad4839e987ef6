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
            var arguments = ctx.PerRoles("end-state", node, () => Arguments(ctx, node));
            if (arguments.Length > 0)
            {
                checks.Add(steps.Add($"verify/{node.Name}/end-state", VerifyEndStateStep.Kind, node.Name, ConcurrencyClasses.Nodes, needs: [done],
                    arguments: [new("release", ctx.To.Series), new("address", node.Address), .. Decode(arguments)]));
            }
        }
        return steps.Add("verify/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: checks.Count > 0 ? checks : [done]);
    }

    // Per role set, as text (PerRoles caches strings): "key\u001fvalue" pairs joined by \u001e.
    private static string Arguments(HopContext ctx, Node node)
    {
        var pairs = new List<string>();
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
            pairs.Add($"{EndStateArguments.Code}{service.Name}\u001f{code.Package} {major}");
            pairs.Add($"{EndStateArguments.Packages}{service.Name}\u001f{string.Join(' ', packages)}");
            pairs.Add($"{EndStateArguments.Units}{service.Name}\u001f{string.Join(' ', units)}");
            var apis = service.On(node).Backends.Where(b => units.Contains(b.Unit)).Select(b => $"{b.Unit}={b.Port}").ToList();
            if (apis.Count > 0)
            {
                pairs.Add($"{EndStateArguments.Apis}{service.Name}\u001f{string.Join(' ', apis)}");
            }
            if (code.Api is { } api && units.Contains(api.Unit) && api.Maxima.TryGetValue(ctx.To.Series, out var microversion))
            {
                pairs.Add($"{EndStateArguments.Microversion}{service.Name}\u001f{api.Unit}={microversion}");
            }
        }
        return string.Join('\u001e', pairs);
    }

    private static IEnumerable<KeyValuePair<string, string>> Decode(string text) =>
        text.Split('\u001e').Select(p => p.Split('\u001f')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
}
