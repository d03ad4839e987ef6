namespace Uplift.OpenStack;

/// <summary>
/// Counts the probe's requests per frontend and measures failure windows: a window opens at the send time of
/// a failed request and closes at the send time of the next request that succeeded (when the probe ends
/// inside a window, at the last request sent). A request answered, but slowly, is counted apart: users saw no error,
/// only a wait. Results may arrive out of order; they are ordered by send time when the summary is made. Thread-safe;
/// pure (no clock, no I/O).
/// </summary>
public sealed class ProbeTally
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<(DateTimeOffset Sent, bool Ok, bool Slow)>> _results = [];
    private readonly List<string> _order = [];

    public ProbeTally(IEnumerable<string> frontends)
    {
        foreach (var name in frontends)
        {
            _results[name] = [];
            _order.Add(name);
        }
    }

    public void Record(string frontend, DateTimeOffset sent, bool ok, bool slow = false)
    {
        lock (_gate)
        {
            _results[frontend].Add((sent, ok, ok && slow));
        }
    }

    public ProbeSummary Summarize(TimeSpan duration)
    {
        lock (_gate)
        {
            return new ProbeSummary(duration, [.. _order.Select(name => Frontend(name, _results[name]))]);
        }
    }

    private static FrontendSummary Frontend(string name, List<(DateTimeOffset Sent, bool Ok, bool Slow)> results)
    {
        var ordered = results.OrderBy(r => r.Sent).ToList();
        var longest = TimeSpan.Zero;
        DateTimeOffset? opened = null;
        foreach (var (sent, ok, _) in ordered)
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
        return new FrontendSummary(name, ordered.Count, ordered.Count(r => !r.Ok), longest, ordered.Count(r => r.Slow));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
