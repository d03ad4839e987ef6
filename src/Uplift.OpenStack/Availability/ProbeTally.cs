namespace Uplift.OpenStack;

/// <summary>
/// Counts the probe's requests per frontend and measures failure windows: a window opens at the send time of
/// a failed request and closes at the send time of the next request that succeeded (when the probe ends
/// inside a window, at the last request sent). A request answered, but slowly, is counted apart: users saw no error,
/// only a wait. A failure inside a window the plan announced (<see cref="PlannedWindow"/>) is counted as planned.
/// Results may arrive out of order; they are ordered by send time when the summary is made. Thread-safe;
/// pure (no clock, no I/O).
/// </summary>
public sealed class ProbeTally
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<(DateTimeOffset Sent, bool Ok, bool Slow, string? Cause)>> _results = [];
    private readonly List<string> _order = [];

    public ProbeTally(IEnumerable<string> frontends)
    {
        foreach (var name in frontends)
        {
            _results[name] = [];
            _order.Add(name);
        }
    }

    /// <param name="cause">Why a failed request failed (<see cref="ProbeRunner.CauseOf(Exception)"/>, an HTTP status).</param>
    public void Record(string frontend, DateTimeOffset sent, bool ok, bool slow = false, string? cause = null)
    {
        lock (_gate)
        {
            _results[frontend].Add((sent, ok, ok && slow, ok ? null : cause ?? "failed"));
        }
    }

    /// <param name="planned">Windows the plan announced: a failure sent inside one of its frontend's is counted as
    /// planned, not as failed, and opens no failure window.</param>
    public ProbeSummary Summarize(TimeSpan duration, IReadOnlyList<PlannedWindow>? planned = null)
    {
        planned ??= [];
        lock (_gate)
        {
            return new ProbeSummary(duration, [.. _order.Select(name => Frontend(name, _results[name], planned))])
            {
                Planned = [.. planned.Where(w => _results.ContainsKey(w.Frontend))],
                Series = Series(planned),
                Failed = [.. _results.SelectMany(p => p.Value.Where(r => !r.Ok && !planned.Any(w => w.Covers(p.Key, r.Sent)))
                    .Select(r => new ProbeFailure(p.Key, r.Sent, r.Cause!))).OrderBy(f => f.Sent).Take(ProbeSummary.FailuresKept)],
            };
        }
    }

    private static FrontendSummary Frontend(string name, List<(DateTimeOffset Sent, bool Ok, bool Slow, string? Cause)> results, IReadOnlyList<PlannedWindow> planned)
    {
        var inWindow = results.Where(r => !r.Ok && planned.Any(w => w.Covers(name, r.Sent))).ToList();
        var ordered = results.Except(inWindow).OrderBy(r => r.Sent).ToList();
        var longest = TimeSpan.Zero;
        DateTimeOffset? opened = null;
        foreach (var (sent, ok, _, _) in ordered)
        {
            if (!ok)
            {
                opened ??= sent;
            }
            else if (opened is { } start)
            {
                longest = Max(longest, sent - start);
                opened = null;
            }
        }
        if (opened is { } open)
        {
            longest = Max(longest, ordered[^1].Sent - open);
        }
        return new FrontendSummary(name, results.Count, ordered.Count(r => !r.Ok), longest, ordered.Count(r => r.Slow), inWindow.Count)
        {
            Causes = ordered.Where(r => !r.Ok).GroupBy(r => r.Cause!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count())).ToList(),
        };
    }

    /// <summary>Every API's requests per <see cref="ProbeSummary.Step"/> by send time, and those that failed (planned failures apart).</summary>
    private List<ProbeStep> Series(IReadOnlyList<PlannedWindow> planned)
    {
        var all = _results.SelectMany(p => p.Value.Select(r => (Frontend: p.Key, r.Sent, r.Ok))).ToList();
        if (all.Count == 0)
        {
            return [];
        }
        var first = all.Min(r => r.Sent);
        return [.. all.GroupBy(r => (long)((r.Sent - first) / ProbeSummary.Step)).OrderBy(g => g.Key).Select(g => new ProbeStep(
            first + (ProbeSummary.Step * g.Key), g.Count(), g.Count(r => !r.Ok && !planned.Any(w => w.Covers(r.Frontend, r.Sent))),
            g.Count(r => !r.Ok && planned.Any(w => w.Covers(r.Frontend, r.Sent)))))];
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
