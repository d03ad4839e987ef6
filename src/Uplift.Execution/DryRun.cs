using System.Text;
using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>--dry-run: every command each node would run, in plan order, built from the steps alone (no connection).</summary>
public static class DryRun
{
    public static string Render(Plan plan, StepHandlers handlers)
    {
        var text = new StringBuilder();
        text.Append("Dry run of ").Append(plan.Cluster).Append(": ").Append(plan.Steps.Count).AppendLine(" steps; nothing is run.");
        text.AppendLine("Guards first ask each node whether a step is done already (a done step runs nothing).");
        var byNode = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var step in plan.Steps.Where(s => s.Kind != StepKind.Milestone))
        {
            var commands = Commands(step, handlers);
            foreach (var node in step.Nodes.Count > 0 ? step.Nodes : ["(no node)"])
            {
                if (!byNode.TryGetValue(node, out var lines))
                {
                    byNode[node] = lines = [];
                }
                lines.Add($"  # {step.Id}{(step.AlwaysRun ? " (always runs, also after a failure)" : "")}");
                lines.AddRange(commands.Select(c => "  " + c.Replace("NODE", node, StringComparison.Ordinal)));
            }
        }
        foreach (var (node, lines) in byNode)
        {
            text.AppendLine().Append(node).AppendLine(":");
            foreach (var line in lines)
            {
                text.AppendLine(line);
            }
        }
        return text.ToString();
    }

    private static IReadOnlyList<string> Commands(PlanStep step, StepHandlers handlers)
    {
        if (!handlers.Carries(step.Kind))
        {
            return [$"(kind {step.Kind}: this uplift does not carry it out; a run refuses the plan)"];
        }
        try
        {
            return handlers.For(step.Kind).Describe(step);
        }
        catch (PlanStepException wrong)
        {
            return [$"({wrong.Message})"];
        }
    }
}
