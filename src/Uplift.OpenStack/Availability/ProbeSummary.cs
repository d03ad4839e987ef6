using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Uplift.OpenStack;

/// <summary>Requests sent, failures, the longest failure window and the answers that came slowly, of one API.</summary>
public sealed record FrontendSummary(string Name, int Sent, int Failures, TimeSpan LongestFailureWindow, int Slow = 0);

/// <summary>What a probe saw: what <c>uplift lab probe</c> prints when it ends, and what <c>uplift run</c> reports.</summary>
public sealed record ProbeSummary(TimeSpan Duration, IReadOnlyList<FrontendSummary> Frontends)
{
    public int Sent => Frontends.Sum(f => f.Sent);

    public int Failures => Frontends.Sum(f => f.Failures);

    public int Slow => Frontends.Sum(f => f.Slow);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Sent} requests in {Duration.TotalSeconds:0.0} s, {Failures} failed, {Slow} slow.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"api",-14} {"sent",7} {"failed",7} {"slow",5} {"longest failure window",24}");
        foreach (var f in Frontends)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Name,-14} {f.Sent,7} {f.Failures,7} {f.Slow,5} {f.LongestFailureWindow.TotalSeconds,22:0.000} s");
        }
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        duration_seconds = Math.Round(Duration.TotalSeconds, 3),
        sent = Sent,
        failures = Failures,
        slow = Slow,
        frontends = Frontends.Select(f => new
        {
            name = f.Name,
            sent = f.Sent,
            failures = f.Failures,
            slow = f.Slow,
            longest_failure_window_seconds = Math.Round(f.LongestFailureWindow.TotalSeconds, 3),
        }),
    });
}
