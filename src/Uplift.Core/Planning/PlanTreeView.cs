using System.Text;

namespace Uplift.Planning;

/// <summary>
/// The plan as an indented tree for review: hops, phases, groups (parallel sets marked), the steps of each node
/// (nodes doing the same steps share a line), DB and check commands, and totals.
/// </summary>
public static class PlanTreeView
{
    public static string Render(Plan plan)
    {
        var text = new StringBuilder();
        PlanSummary.Header(plan, text, markdown: false);
        var multiHop = plan.Hops.Count > 1;
        var hopIndex = 0;
        foreach (var hop in PlanSections.Hops(plan))
        {
            if (multiHop)
            {
                hopIndex++;
                text.Append('\n').Append($"Hop {hopIndex} of {plan.Hops.Count}: {hop.From} → {hop.To}").Append('\n');
            }
            foreach (var phase in hop.Phases)
            {
                var indent = multiHop ? "  " : "";
                text.Append('\n').Append(indent).Append($"{Phases.Title(phase.Name)}  [{Count(phase.Steps.Count, "step")}]").Append('\n');
                for (var g = 0; g < phase.Groups.Count; g++)
                {
                    var last = g == phase.Groups.Count - 1;
                    RenderGroup(plan, phase.Groups[g], text, indent, last);
                }
            }
        }
        text.Append('\n');
        PlanSummary.Totals(plan, text);
        return text.ToString();
    }

    private static void RenderGroup(Plan plan, PlanSections.Group group, StringBuilder text, string indent, bool last)
    {
        var branch = last ? "└── " : "├── ";
        var under = indent + (last ? "    " : "│   ");
        var nodes = group.Steps.SelectMany(s => s.Nodes).Distinct().Count();
        // The group's own class (the most of its steps): a compute window, not the class its agents restart in.
        var limit = plan.LimitOf(group.Steps.GroupBy(s => s.Class).MaxBy(g => g.Count())!.Key);
        var parallel = nodes > 1 && limit > 1 ? $"  ∥ up to {limit} at a time" : "";
        var paced = group.Steps.Where(s => s.PauseAfterSeconds > 0).Select(s => s.PauseAfterSeconds).DefaultIfEmpty().Max();
        var pacing = paced > 0 ? $"  ⏱ {paced} s after each" : "";
        text.Append(indent).Append(branch).Append(group.Name).Append(parallel).Append(pacing).Append('\n');
        foreach (var line in PlanSections.NodeLines(group.Steps))
        {
            text.Append(under).Append(line.Nodes).Append(": ").Append(string.Join(" → ", line.Labels)).Append('\n');
        }
        // Steps that say why they are there (a compute emptied first): the reason, node by node.
        foreach (var reason in group.Steps.Where(s => s.Argument("why") is not null && s.Node is not null).GroupBy(s => s.Argument("why")!))
        {
            text.Append(under).Append("    ").Append(NodeList.Compress([.. reason.Select(s => s.Node!)])).Append(", why: ").Append(reason.Key).Append('\n');
        }
        if (nodes <= 1)
        {
            foreach (var step in group.Steps.Where(s => s.Argument("command") is not null))
            {
                text.Append(under).Append("    $ ").Append(step.Argument("command")).Append('\n');
            }
        }
    }

    internal static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
