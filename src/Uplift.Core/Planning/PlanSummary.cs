using System.Text;

namespace Uplift.Planning;

/// <summary>The header and totals shared by the tree and Markdown views.</summary>
internal static class PlanSummary
{
    public static void Header(Plan plan, StringBuilder text, bool markdown)
    {
        var path = string.Join(" → ", new[] { plan.Hops[0].From }.Concat(plan.Hops.Select(h => h.To)));
        var title = plan.Mode == "update"
            ? $"Uplift plan: minor update of cluster \"{plan.Cluster}\" on {plan.Hops[0].To} (packages updated in place, no schema change)"
            : $"Uplift plan: {plan.Mode} of cluster \"{plan.Cluster}\", {path} ({PlanTreeView.Count(plan.Hops.Count, "hop")})";
        text.Append(markdown ? "# " : "").Append(title).Append('\n');
        if (markdown)
        {
            text.Append('\n');
        }
        var nodes = plan.Steps.SelectMany(s => s.Nodes).Distinct().Count();
        var vip = plan.Inputs.Options.VipHolder;
        var bullet = markdown ? "- " : "";
        // Pre-flight locates the VIP only where Pacemaker holds it (inventory api_vip); else the first controller goes first.
        var located = plan.Steps.Any(s => s.Id.EndsWith("preflight/vip-holder", StringComparison.Ordinal));
        text.Append(bullet).Append($"{nodes} nodes; VIP holder {(vip ?? FirstStepNode(plan) + (located ? " (assumed; pre-flight checks it)" : " (the first controller: no Pacemaker resource holds the VIP)"))}").Append('\n');
        text.Append(bullet).Append($"{PlanTreeView.Count(plan.Steps.Count, "step")}; plan {plan.InputsHash[..12]}; ")
            .Append($"inventory {plan.Inputs.InventoryFile} sha256 {plan.Inputs.InventoryHash[..Math.Min(12, plan.Inputs.InventoryHash.Length)]}; ")
            .Append($"catalog {plan.Inputs.CatalogVersion}; uplift {plan.Inputs.ToolVersion}").Append('\n');
        var o = plan.Inputs.Options;
        var warnings = new List<string>();
        if (!o.Drain)
        {
            warnings.Add("draining is OFF: API requests will fail while servers restart (unsafe)");
        }
        if (!o.Backup)
        {
            warnings.Add("backup is OFF: DB downgrades are not supported, there is no way back (unsafe)");
        }
        foreach (var warning in warnings)
        {
            text.Append(bullet).Append("WARNING: ").Append(warning).Append('\n');
        }
    }

    public static void Totals(Plan plan, StringBuilder text)
    {
        text.Append("Totals: ").Append(PlanTreeView.Count(plan.Steps.Count, "step")).Append(" (")
            .Append(string.Join(", ", plan.Steps.GroupBy(s => PlanSections.PhaseOf(s.Phase)).Select(g => $"{g.Key} {g.Count()}")))
            .Append("); ").Append(PlanTreeView.Count(plan.Steps.Count(s => s.AlwaysRun), "cleanup step")).Append(" that always run").Append('\n');
        text.Append("Concurrency: ").Append(string.Join(", ", plan.Classes
            .Where(c => plan.Steps.Any(s => s.Class == c.Name))
            .Select(c => $"{c.Name} ≤{c.Limit}"))).Append('\n');
    }

    /// <summary>Where pre-flight expects the VIP (its locate step's "expected-node"), else the node the VIP holder's steps act on.</summary>
    private static string FirstStepNode(Plan plan) =>
        plan.Steps.Select(s => s.Argument("expected-node")).FirstOrDefault(n => n is not null)
        ?? plan.Steps.FirstOrDefault(s => s.Class == ConcurrencyClasses.VipHolder)?.Node ?? "?";
}
