using System.Text.Json;
using Uplift.Database;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.OpenStack;
using Uplift.Planning;

namespace Uplift.Upgrade.Report;

/// <summary>
/// What a run's report shows (docs/running.md, "The report"): the plan's inputs, where the run stands
/// (<see cref="RunStatus"/>), every step that ran as a bar on its nodes' timelines, each node's release before and after,
/// the probe's requests and failures over time, the backup, and the failed steps with their output (masked in the journal).
/// </summary>
/// <param name="Before">node → the release it ran when the run started (read from it); empty when not known.</param>
/// <param name="Probe">What the run's probe saw; null when there was none.</param>
/// <param name="Downtime">The run's downtime line ("not measured: …" without a probe).</param>
public sealed record RunReport(
    PlanInputs Inputs,
    RunStatus Status,
    IReadOnlyList<StepBar> Bars,
    IReadOnlyDictionary<string, string> Before,
    ProbeSummary? Probe,
    string Downtime,
    BackupManifest? Backup,
    IReadOnlyList<StepRecord> Failed)
{
    /// <summary>What the run's end knows that the journal does not: the releases read at its start, the probe.</summary>
    public sealed record RunExtras(IReadOnlyDictionary<string, string> Before, ProbeSummary? Probe, string Downtime);

    public static RunReport Of(Plan plan, RunRecord run, IReadOnlyDictionary<string, StepRecord> steps, RunExtras? extras, BackupManifest? backup)
    {
        var byId = plan.Steps.ToDictionary(s => s.Id);
        var bars = steps.Values.Where(r => r.Started is not null && byId.ContainsKey(r.StepId)).OrderBy(r => r.Started)
            .Select(r => new StepBar(r.StepId, byId[r.StepId].Phase, byId[r.StepId].Nodes, r.State.Word(), r.Started!.Value, r.Ended)).ToList();
        return new RunReport(plan.Inputs, Estimate.RunEstimate.Beside(RunStatus.Of(plan, run, steps), plan), bars, extras?.Before ?? new Dictionary<string, string>(),
            extras?.Probe, extras?.Downtime ?? "API downtime: not measured (the run's probe figures were not kept)", backup,
            [.. steps.Values.Where(r => r.State == StepState.Failed).OrderBy(r => r.Started)]);
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The extras as the run keeps them beside its log (0600).</summary>
    public static string ExtrasToJson(RunExtras extras) => JsonSerializer.Serialize(new
    {
        before = extras.Before,
        downtime = extras.Downtime,
        probe = extras.Probe is null ? (JsonElement?)null : JsonDocument.Parse(extras.Probe.ToJson()).RootElement,
    }, Json);

    /// <summary>The extras read back; null (and the report says so) when the file is missing or not what a run wrote.</summary>
    public static RunExtras? ExtrasFromJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var before = root.GetProperty("before").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "?");
            ProbeSummary? probe = null;
            if (root.GetProperty("probe") is { ValueKind: JsonValueKind.Object } p)
            {
                probe = new ProbeSummary(TimeSpan.FromSeconds(p.GetProperty("duration_seconds").GetDouble()),
                    [.. p.GetProperty("frontends").EnumerateArray().Select(f => new FrontendSummary(f.GetProperty("name").GetString()!,
                        f.GetProperty("sent").GetInt32(), f.GetProperty("failures").GetInt32(),
                        TimeSpan.FromSeconds(f.GetProperty("longest_failure_window_seconds").GetDouble()), f.GetProperty("slow").GetInt32(), f.GetProperty("planned").GetInt32())
                    {
                        Causes = f.TryGetProperty("causes", out var causes) ? [.. causes.EnumerateObject().Select(c => (c.Name, c.Value.GetInt32()))] : [],
                    })])
                {
                    Failed = p.TryGetProperty("failed", out var failed)
                        ? [.. failed.EnumerateArray().Select(f => new ProbeFailure(f.GetProperty("frontend").GetString()!, f.GetProperty("sent").GetDateTimeOffset(), f.GetProperty("cause").GetString()!))]
                        : [],
                    Series = [.. p.GetProperty("series").EnumerateArray().Select(s => new ProbeStep(s.GetProperty("at").GetDateTimeOffset(),
                        s.GetProperty("sent").GetInt32(), s.GetProperty("failed").GetInt32(), s.GetProperty("planned").GetInt32()))],
                };
            }
            return new RunExtras(before, probe, root.GetProperty("downtime").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

/// <param name="Ended">null while it runs (or its process died).</param>
public sealed record StepBar(string StepId, string Phase, IReadOnlyList<string> Nodes, string State, DateTimeOffset Started, DateTimeOffset? Ended);
