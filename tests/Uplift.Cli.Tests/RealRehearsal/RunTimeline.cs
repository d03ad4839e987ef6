using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uplift.Execution.Journal;
using Uplift.Planning;

namespace Uplift.Tests.RealRehearsal;

/// <summary>
/// A finished run as its journal keeps it: the plan, and each step's state and times (no output). Read from the journal
/// itself, or from a sample written from one (Samples/real-rehearsal/*.json: the real rehearsals' runs).
/// </summary>
internal sealed record RunTimeline(Plan Plan, IReadOnlyDictionary<string, StepRecord> Steps)
{
    /// <summary>The latest run of the journal at <paramref name="path"/>.</summary>
    public static RunTimeline FromJournal(string path)
    {
        using var journal = RunJournal.Open(path);
        var run = journal.LatestRun() ?? throw new InvalidOperationException($"{path}: no run");
        return new(PlanJson.Parse(Encoding.UTF8.GetBytes(journal.PlanJson(run.PlanHash)!), path), journal.Steps(run.PlanHash));
    }

    public static RunTimeline Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var plan = PlanJson.Parse(Encoding.UTF8.GetBytes(root["plan"]!.ToJsonString()), path);
        var steps = root["steps"]!.AsObject().ToDictionary(
            p => p.Key,
            p => new StepRecord(p.Key, StepStates.Parse((string)p.Value!["state"]!), 1, Time(p.Value["started"]), Time(p.Value["ended"]), null, "", "", ""),
            StringComparer.Ordinal);
        return new(plan, steps);
    }

    /// <summary>Writes the latest run of the journal at <paramref name="journalPath"/> as a sample.</summary>
    public static void Write(string journalPath, string path)
    {
        using var journal = RunJournal.Open(journalPath);
        var run = journal.LatestRun() ?? throw new InvalidOperationException($"{journalPath}: no run");
        var steps = new JsonObject();
        foreach (var (id, step) in journal.Steps(run.PlanHash).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            steps[id] = new JsonObject { ["state"] = step.State.Word(), ["started"] = step.Started?.ToString("O"), ["ended"] = step.Ended?.ToString("O") };
        }
        var root = new JsonObject { ["plan"] = JsonNode.Parse(journal.PlanJson(run.PlanHash)!), ["steps"] = steps };
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
