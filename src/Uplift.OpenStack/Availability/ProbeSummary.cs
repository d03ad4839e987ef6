using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Uplift.OpenStack;

/// <summary>Requests sent, failures, the longest failure window and the answers that came slowly, of one API;
/// failures inside a planned window are counted apart (<paramref name="Planned"/>), not in <paramref name="Failures"/>.</summary>
public sealed record FrontendSummary(string Name, int Sent, int Failures, TimeSpan LongestFailureWindow, int Slow = 0, int Planned = 0)
{
    /// <summary>Why the failures failed, most frequent first: an HTTP status (HAProxy's 503: no server up), no answer in
    /// time, a refused or reset connection. A drain that works shows none; these say which kind of fault to look for.</summary>
    public IReadOnlyList<(string Cause, int Count)> Causes { get; init; } = [];
}

/// <summary>One failed request outside the planned windows: which API, when it was sent, why it failed.</summary>
public sealed record ProbeFailure(string Frontend, DateTimeOffset Sent, string Cause);

/// <summary>One step of a probe's series: requests sent from <paramref name="At"/> for <see cref="ProbeSummary.Step"/>,
/// those that failed outside planned outages, and those inside them.</summary>
public sealed record ProbeStep(DateTimeOffset At, int Sent, int Failed, int Planned);

/// <summary>What a probe saw: what <c>uplift lab probe</c> prints when it ends, and what <c>uplift run</c> reports.</summary>
public sealed record ProbeSummary(TimeSpan Duration, IReadOnlyList<FrontendSummary> Frontends)
{
    public int Sent => Frontends.Sum(f => f.Sent);

    public int Failures => Frontends.Sum(f => f.Failures);

    public int Slow => Frontends.Sum(f => f.Slow);

    /// <summary>Failures inside the planned windows (<see cref="Planned"/>).</summary>
    public int PlannedFailures => Frontends.Sum(f => f.Planned);

    /// <summary>The windows the plan announced, as the probe was told them.</summary>
    public IReadOnlyList<PlannedWindow> Planned { get; init; } = [];

    /// <summary>The width of a step of <see cref="Series"/>.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    /// <summary>Requests and failures over time, one entry per <see cref="Step"/> that saw requests (a run's report draws it).</summary>
    public IReadOnlyList<ProbeStep> Series { get; init; } = [];

    /// <summary>The failed requests outside planned windows by send time, the first <see cref="FailuresKept"/>: set beside
    /// a run's journal, they say which step each fell in.</summary>
    public IReadOnlyList<ProbeFailure> Failed { get; init; } = [];

    public const int FailuresKept = 200;

    public string ToText()
    {
        var text = new StringBuilder();
        var planned = Planned.Count > 0;
        text.Append(CultureInfo.InvariantCulture, $"{Sent} requests in {Duration.TotalSeconds:0.0} s, {Failures} failed, {Slow} slow")
            .AppendLine(planned ? string.Create(CultureInfo.InvariantCulture, $", {PlannedFailures} failed in planned outages.") : ".");
        text.Append(CultureInfo.InvariantCulture, $"{"api",-14} {"sent",7} {"failed",7} {"slow",5} {"longest failure window",24}")
            .AppendLine(planned ? $" {"planned",8}" : "");
        foreach (var f in Frontends)
        {
            text.Append(CultureInfo.InvariantCulture, $"{f.Name,-14} {f.Sent,7} {f.Failures,7} {f.Slow,5} {f.LongestFailureWindow.TotalSeconds,22:0.000} s")
                .AppendLine(planned ? string.Create(CultureInfo.InvariantCulture, $" {f.Planned,8}") : "");
        }
        foreach (var f in Frontends.Where(f => f.Causes.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Name} failed: {string.Join(", ", f.Causes.Select(c => $"{c.Count} × {c.Cause}"))}");
        }
        foreach (var w in Planned)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"planned outage of {w.Frontend}: {w.Why}, {(w.To - w.From).TotalSeconds:0.0} s from {w.From:HH:mm:ss}Z");
        }
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        duration_seconds = Math.Round(Duration.TotalSeconds, 3),
        sent = Sent,
        failures = Failures,
        slow = Slow,
        planned_failures = PlannedFailures,
        planned = Planned.Select(w => new { frontend = w.Frontend, why = w.Why, from = w.From, to = w.To }),
        frontends = Frontends.Select(f => new
        {
            name = f.Name,
            sent = f.Sent,
            failures = f.Failures,
            slow = f.Slow,
            planned = f.Planned,
            longest_failure_window_seconds = Math.Round(f.LongestFailureWindow.TotalSeconds, 3),
            causes = f.Causes.ToDictionary(c => c.Cause, c => c.Count),
        }),
        failed = Failed.Select(f => new { frontend = f.Frontend, sent = f.Sent, cause = f.Cause }),
        series = Series.Select(s => new { at = s.At, sent = s.Sent, failed = s.Failed, planned = s.Planned }),
    });
}
