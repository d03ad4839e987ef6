using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Uplift.OpenStack;

/// <summary>Requests sent, failures, the longest failure window and the answers that came slowly, of one API;
/// failures inside a planned window are counted apart (<paramref name="Planned"/>), not in <paramref name="Failures"/>.</summary>
public sealed record FrontendSummary(string Name, int Sent, int Failures, TimeSpan LongestFailureWindow, int Slow = 0, int Planned = 0);

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
        }),
        series = Series.Select(s => new { at = s.At, sent = s.Sent, failed = s.Failed, planned = s.Planned }),
    });
}
