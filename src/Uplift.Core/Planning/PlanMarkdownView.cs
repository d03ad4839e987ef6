using System.Text;

namespace Uplift.Planning;

/// <summary>
/// The plan as a Markdown runbook for a change ticket: per phase and group, a checklist with every step's
/// node and what it runs (packages, units, commands, HAProxy servers).
/// </summary>
public static class PlanMarkdownView
{
    public static string Render(Plan plan)
    {
        var text = new StringBuilder();
        PlanSummary.Header(plan, text, markdown: true);
        var hopIndex = 0;
        foreach (var hop in PlanSections.Hops(plan))
        {
            hopIndex++;
            text.Append('\n').Append($"## Upgrade {hopIndex} of {plan.Hops.Count}: {hop.From} → {hop.To}").Append('\n');
            foreach (var phase in hop.Phases)
            {
                text.Append('\n').Append($"### {Phases.Title(phase.Name)} ({PlanTreeView.Count(phase.Steps.Count, "step")})").Append('\n');
                foreach (var group in phase.Groups)
                {
                    var limit = group.Steps.Select(s => plan.LimitOf(s.Class)).Max();
                    text.Append('\n').Append($"#### {group.Name}").Append(limit > 1 ? $" (up to {limit} at a time)" : "").Append("\n\n");
                    foreach (var step in group.Steps)
                    {
                        text.Append("- [ ] `").Append(step.Id).Append("` ").Append(step.Kind.Name);
                        if (step.Arguments.Count > 0)
                        {
                            // A value of several lines (a deb822 stanza) stays on the step's line: its line breaks shown as ⏎.
                            text.Append(": ").Append(string.Join("; ", step.Arguments.Select(a => $"{a.Key} `{a.Value.TrimEnd('\n').Replace("\n", " ⏎ ", StringComparison.Ordinal)}`")));
                        }
                        if (step.AlwaysRun)
                        {
                            text.Append(" — **always runs, even after a failure**");
                        }
                        if (step.PauseAfterSeconds > 0)
                        {
                            text.Append($" — then wait {step.PauseAfterSeconds} s");
                        }
                        text.Append('\n');
                    }
                }
            }
        }
        text.Append("\n## Totals\n\n");
        PlanSummary.Totals(plan, text);
        return text.ToString();
    }
}
