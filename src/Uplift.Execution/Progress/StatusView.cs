using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Uplift.Execution.Journal;
using Uplift.Planning;
using Uplift.Timing;

namespace Uplift.Execution.Progress;

/// <summary>
/// `uplift status`: the latest run of a cluster (<see cref="RunStatus"/>) as text — each phase's steps by state (failed
/// and running ones named), the longest steps, and the release each node is on as the journal knows it — or as JSON.
/// </summary>
public static class StatusView
{
    /// <param name="observed">node → the release it runs now, read from it (status --observed); null shows the journal's view only.</param>
    public static string Render(Plan plan, RunRecord run, IReadOnlyDictionary<string, StepRecord> steps, IReadOnlyDictionary<string, string>? observed = null) =>
        Render(RunStatus.Of(plan, run, steps, observed));

    public static string Render(RunStatus status)
    {
        var text = new StringBuilder();
        var run = status.Run;
        text.AppendLine($"cluster {status.Cluster}: {status.Mode} {string.Join(" → ", status.Releases)}");
        text.AppendLine($"run {run.Id} started {run.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: " +
            (run.Outcome is null ? "running (or its process died: resume continues it)" : $"{run.Outcome} at {run.Ended?.UtcDateTime:HH:mm:ss}"));
        if (status.EstimatedTotal is { } estimated)
        {
            text.AppendLine($"estimated {Durations.Human(estimated)} for the whole plan (uplift plan --estimate)" +
                (run.Ended is { } ended ? $"; this run took {Durations.Human(ended - run.Started)}" : ""));
        }
        text.AppendLine().AppendLine("phases:");
        foreach (var phase in status.Phases)
        {
            var counts = phase.Counts.Select(c => $"{c.Value} {c.Key}");
            var times = new[] { phase.Took is { } t ? Took(t) : null, phase.Estimated is { } e ? $"estimated {Durations.Human(e)}" : null }.OfType<string>().ToList();
            text.AppendLine($"  {phase.Name,-28} {string.Join(", ", counts)}{(times.Count > 0 ? $"  ({string.Join("; ", times)})" : "")}");
            foreach (var step in phase.Open)
            {
                text.AppendLine($"    {step.State}: {step.StepId}{(step.Message.Length > 0 ? " — " + step.Message : "")}");
            }
        }
        if (status.Longest.Count > 0)
        {
            text.AppendLine().AppendLine("longest steps:");
            foreach (var step in status.Longest)
            {
                text.AppendLine($"  {Took(step.Took),-12} {step.StepId}");
            }
        }
        var observed = status.Differing is not null;
        text.AppendLine().AppendLine(observed ? $"nodes:  {"",-9}{"journal",-36}nodes now" : "nodes (as the journal knows them; --observed reads the nodes):");
        foreach (var node in status.Nodes)
        {
            text.AppendLine(observed
                ? $"  {node.Name,-16} {node.Journal,-36}{node.Observed}{(node.Agrees == true ? "" : "   <- differs from the journal")}"
                : $"  {node.Name,-16} {node.Journal}");
        }
        if (status.Differing is { } differ)
        {
            text.AppendLine(differ == 0 ? "every node runs what the journal says"
                : $"{differ} node(s) do not run what the journal says: the nodes are the truth; a run of this plan refuses this journal (start afresh with --fresh)");
        }
        return text.ToString();
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    /// <summary>status --json: <see cref="RunStatus"/> with format_version 1, keys in snake_case, durations in seconds
    /// (docs/schemas/status.schema.json).</summary>
    public static string ToJson(RunStatus status)
    {
        var run = status.Run;
        return JsonSerializer.Serialize(new
        {
            FormatVersion = 1,
            status.Cluster,
            status.Mode,
            status.Releases,
            Run = new { run.Id, run.Started, run.Ended, run.Outcome },
            EstimatedSeconds = status.EstimatedTotal?.TotalSeconds,
            Phases = status.Phases.Select(p => new
            {
                p.Name,
                p.Counts,
                Seconds = p.Took?.TotalSeconds,
                EstimatedSeconds = p.Estimated?.TotalSeconds,
                Open = p.Open.Select(s => new { s.StepId, s.State, s.Message }),
            }),
            Longest = status.Longest.Select(s => new { s.StepId, Seconds = s.Took.TotalSeconds }),
            Nodes = status.Nodes.Select(n => new { n.Name, n.Journal, n.Observed, n.Agrees }),
            status.Differing,
        }, Json) + "\n";
    }

    private static string Took(TimeSpan time) =>
        time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes} min {time.Seconds} s" : $"{time.TotalSeconds:0.0} s";
}
