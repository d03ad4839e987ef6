using System.Text;
using Uplift.Execution.Journal;
using Uplift.Planning;

namespace Uplift.Execution.Progress;

/// <summary>
/// `uplift status`: the latest run of a cluster, each phase's steps by state (failed and running ones named), and the
/// release each node is on as the journal knows it: a node is on a hop's target once all of its steps of that hop
/// (ids prefixed "series/" on multi-hop plans) are done.
/// </summary>
public static class StatusView
{
    /// <param name="observed">node → the release it runs now, read from it (status --observed); null shows the journal's view only.</param>
    public static string Render(Plan plan, RunRecord run, IReadOnlyDictionary<string, StepRecord> steps, IReadOnlyDictionary<string, string>? observed = null)
    {
        var text = new StringBuilder();
        text.AppendLine($"cluster {plan.Cluster}: {plan.Mode} {string.Join(" → ", plan.Hops.Select(h => h.From).Append(plan.Hops[^1].To))}");
        text.AppendLine($"run {run.Id} started {run.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: " +
            (run.Outcome is null ? "running (or its process died: resume continues it)" : $"{run.Outcome} at {run.Ended?.UtcDateTime:HH:mm:ss}"));
        StepState StateOf(PlanStep s) => steps.TryGetValue(s.Id, out var r) ? r.State : StepState.Pending;
        text.AppendLine().AppendLine("phases:");
        foreach (var phase in plan.Steps.GroupBy(s => s.Phase))
        {
            var counts = phase.GroupBy(StateOf).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Word()}");
            var span = Span(phase.Select(s => steps.GetValueOrDefault(s.Id)));
            text.AppendLine($"  {phase.Key,-28} {string.Join(", ", counts)}{(span is { } t ? $"  ({Took(t)})" : "")}");
            foreach (var step in phase.Where(s => StateOf(s) is StepState.Failed or StepState.Running))
            {
                var record = steps[step.Id];
                text.AppendLine($"    {record.State.Word()}: {step.Id}{(record.Message.Length > 0 ? " — " + record.Message : "")}");
            }
        }
        var longest = steps.Values.Where(r => r.Started is not null && r.Ended is not null)
            .OrderByDescending(r => r.Ended!.Value - r.Started!.Value).Take(LongestShown).ToList();
        if (longest.Count > 0)
        {
            text.AppendLine().AppendLine("longest steps:");
            foreach (var record in longest)
            {
                text.AppendLine($"  {Took(record.Ended!.Value - record.Started!.Value),-12} {record.StepId}");
            }
        }
        text.AppendLine().AppendLine(observed is null ? "nodes (as the journal knows them; --observed reads the nodes):" : $"nodes:  {"",-9}{"journal",-36}nodes now");
        var differ = 0;
        foreach (var node in plan.Steps.SelectMany(s => s.Nodes).Distinct().Order(StringComparer.Ordinal))
        {
            var journal = ReleaseOf(plan, node, StateOf);
            if (observed is null)
            {
                text.AppendLine($"  {node,-16} {journal}");
                continue;
            }
            var now = observed.GetValueOrDefault(node, "?");
            var agrees = Agrees(plan, node, StateOf, now);
            differ += agrees ? 0 : 1;
            text.AppendLine($"  {node,-16} {journal,-36}{now}{(agrees ? "" : "   <- differs from the journal")}");
        }
        if (observed is not null)
        {
            text.AppendLine(differ == 0 ? "every node runs what the journal says"
                : $"{differ} node(s) do not run what the journal says: the nodes are the truth; a run of this plan refuses this journal (start afresh with --fresh)");
        }
        return text.ToString();
    }

    /// <summary>A settled node must run the release the journal says; a node mid-hop may run either end of it, or both.</summary>
    private static bool Agrees(Plan plan, string node, Func<PlanStep, StepState> stateOf, string now)
    {
        var release = plan.Hops[0].From;
        foreach (var hop in plan.Hops)
        {
            var mine = plan.Steps.Where(s => s.Nodes.Contains(node) && (plan.Hops.Count == 1 || s.Id.StartsWith(hop.To + "/", StringComparison.Ordinal)));
            if (!mine.All(s => stateOf(s).IsComplete()))
            {
                return now == release || (mine.Any(s => stateOf(s) != StepState.Pending) && (now == hop.To || now == "mixed"));
            }
            release = hop.To;
        }
        return now == release;
    }

    private static string ReleaseOf(Plan plan, string node, Func<PlanStep, StepState> stateOf)
    {
        var release = plan.Hops[0].From;
        foreach (var hop in plan.Hops)
        {
            var mine = plan.Steps.Where(s => s.Nodes.Contains(node) && (plan.Hops.Count == 1 || s.Id.StartsWith(hop.To + "/", StringComparison.Ordinal)));
            if (!mine.All(s => stateOf(s).IsComplete()))
            {
                var started = mine.Any(s => stateOf(s) != StepState.Pending);
                return started ? $"{release} (upgrading to {hop.To})" : release;
            }
            release = hop.To;
        }
        return release;
    }

    private const int LongestShown = 5;

    /// <summary>The wall time from the first step's start to the last one's end (steps of a phase run side by side on
    /// nodes, and phases overlap: prepare runs beside the backup); null when none has both.</summary>
    private static TimeSpan? Span(IEnumerable<StepRecord?> records)
    {
        var ran = records.Where(r => r?.Started is not null && r.Ended is not null).ToList();
        return ran.Count == 0 ? null : ran.Max(r => r!.Ended!.Value) - ran.Min(r => r!.Started!.Value);
    }

    private static string Took(TimeSpan time) =>
        time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes} min {time.Seconds} s" : $"{time.TotalSeconds:0.0} s";
}
