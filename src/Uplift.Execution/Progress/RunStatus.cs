using Uplift.Execution.Journal;
using Uplift.Planning;

namespace Uplift.Execution.Progress;

/// <summary>
/// Where a cluster's latest run stands, read from its journal (and, with --observed, beside what each node runs now):
/// what `uplift status` prints and `uplift status --json` writes (docs/schemas/status.schema.json).
/// </summary>
/// <param name="Releases">The plan's releases in order: from, each hop's target.</param>
/// <param name="Differing">Nodes that do not run what the journal says; null when the nodes were not read.</param>
public sealed record RunStatus(
    string Cluster,
    string Mode,
    IReadOnlyList<string> Releases,
    RunRecord Run,
    IReadOnlyList<PhaseStatus> Phases,
    IReadOnlyList<StepTime> Longest,
    IReadOnlyList<NodeStatus> Nodes,
    int? Differing)
{
    private const int LongestShown = 5;

    /// <summary>The estimate of the whole plan (`uplift plan --estimate`), when one was made for this status.</summary>
    public TimeSpan? EstimatedTotal { get; init; }

    /// <summary>This status with the plan's estimate beside what happened: the total and each phase's window.</summary>
    public RunStatus WithEstimate(TimeSpan total, IReadOnlyDictionary<string, TimeSpan> phases) => this with
    {
        EstimatedTotal = total,
        Phases = [.. Phases.Select(p => p with { Estimated = phases.TryGetValue(p.Name, out var time) ? time : null })],
    };

    /// <param name="observed">node → the release it runs now, read from it (status --observed); null: the journal's view only.</param>
    public static RunStatus Of(Plan plan, RunRecord run, IReadOnlyDictionary<string, StepRecord> steps, IReadOnlyDictionary<string, string>? observed = null)
    {
        StepState StateOf(PlanStep s) => steps.TryGetValue(s.Id, out var r) ? r.State : StepState.Pending;
        var phases = plan.Steps.GroupBy(s => s.Phase).Select(phase => new PhaseStatus(
            phase.Key,
            phase.GroupBy(StateOf).OrderBy(g => g.Key).ToDictionary(g => g.Key.Word(), g => g.Count()),
            Span(phase.Select(s => steps.GetValueOrDefault(s.Id))),
            [.. phase.Where(s => StateOf(s) is StepState.Failed or StepState.Running).Select(s => steps[s.Id]).Select(r => new StepNote(r.StepId, r.State.Word(), r.Message))])).ToList();
        var longest = steps.Values.Where(r => r.Started is not null && r.Ended is not null)
            .OrderByDescending(r => r.Ended!.Value - r.Started!.Value).Take(LongestShown)
            .Select(r => new StepTime(r.StepId, r.Ended!.Value - r.Started!.Value)).ToList();
        var nodes = plan.Steps.SelectMany(s => s.Nodes).Distinct().Order(StringComparer.Ordinal).Select(node =>
        {
            var now = observed is null ? null : observed.GetValueOrDefault(node, "?");
            return new NodeStatus(node, ReleaseOf(plan, node, StateOf), now, now is null ? null : Agrees(plan, node, StateOf, now));
        }).ToList();
        return new RunStatus(plan.Cluster, plan.Mode, [plan.Hops[0].From, .. plan.Hops.Select(h => h.To)], run, phases, longest, nodes,
            observed is null ? null : nodes.Count(n => n.Agrees == false));
    }

    /// <summary>A settled node must run the release the journal says; a node mid-hop may run either end of it, or both.</summary>
    private static bool Agrees(Plan plan, string node, Func<PlanStep, StepState> stateOf, string now)
    {
        var release = plan.Hops[0].From;
        foreach (var hop in plan.Hops)
        {
            var mine = StepsOf(plan, hop, node);
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
            var mine = StepsOf(plan, hop, node);
            if (!mine.All(s => stateOf(s).IsComplete()))
            {
                var started = mine.Any(s => stateOf(s) != StepState.Pending);
                return started ? $"{release} (upgrading to {hop.To})" : release;
            }
            release = hop.To;
        }
        return release;
    }

    /// <summary>A node's steps of one hop (ids prefixed "series/" on multi-hop plans).</summary>
    private static List<PlanStep> StepsOf(Plan plan, PlanHop hop, string node) =>
        [.. plan.Steps.Where(s => s.Nodes.Contains(node) && (plan.Hops.Count == 1 || s.Id.StartsWith(hop.To + "/", StringComparison.Ordinal)))];

    /// <summary>The wall time from the first step's start to the last one's end (steps of a phase run side by side on
    /// nodes, and phases overlap: prepare runs beside the backup); null when none has both.</summary>
    private static TimeSpan? Span(IEnumerable<StepRecord?> records)
    {
        var ran = records.Where(r => r?.Started is not null && r.Ended is not null).ToList();
        return ran.Count == 0 ? null : ran.Max(r => r!.Ended!.Value) - ran.Min(r => r!.Started!.Value);
    }
}

/// <param name="Counts">state word (done, already-done, failed, running, skipped, pending) → steps.</param>
/// <param name="Took">First start to last end of its steps; null when none ran.</param>
/// <param name="Open">Its failed and running steps.</param>
public sealed record PhaseStatus(string Name, IReadOnlyDictionary<string, int> Counts, TimeSpan? Took, IReadOnlyList<StepNote> Open)
{
    /// <summary>The estimate's window of the phase (first start to last end), when one was made.</summary>
    public TimeSpan? Estimated { get; init; }
}

public sealed record StepNote(string StepId, string State, string Message);

public sealed record StepTime(string StepId, TimeSpan Took);

/// <param name="Journal">The release as the journal knows it ("epoxy (upgrading to flamingo)" mid-hop).</param>
/// <param name="Observed">What the node runs now (--observed), else null.</param>
/// <param name="Agrees">Whether that fits the journal; null when the node was not read.</param>
public sealed record NodeStatus(string Name, string Journal, string? Observed, bool? Agrees);
