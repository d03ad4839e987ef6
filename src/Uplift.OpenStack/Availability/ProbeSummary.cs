using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Uplift.OpenStack;

/// <summary>Requests sent, failures and the longest failure window of one API.</summary>
public sealed record FrontendSummary(string Name, int Sent, int Failures, TimeSpan LongestFailureWindow);

/// <summary>What a probe saw: what <c>uplift lab probe</c> prints when it ends, and what <c>uplift run</c> reports.</summary>
public sealed record ProbeSummary(TimeSpan Duration, IReadOnlyList<FrontendSummary> Frontends)
{
    public int Sent => Frontends.Sum(f => f.Sent);

    public int Failures => Frontends.Sum(f => f.Failures);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Sent} requests in {Duration.TotalSeconds:0.0} s, {Failures} failed.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"api",-14} {"sent",7} {"failed",7} {"longest failure window",24}");
        foreach (var f in Frontends)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Name,-14} {f.Sent,7} {f.Failures,7} {f.LongestFailureWindow.TotalSeconds,22:0.000} s");
        }
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        duration_seconds = Math.Round(Duration.TotalSeconds, 3),
        sent = Sent,
        failures = Failures,
        frontends = Frontends.Select(f => new
        {
            name = f.Name,
            sent = f.Sent,
            failures = f.Failures,
            longest_failure_window_seconds = Math.Round(f.LongestFailureWindow.TotalSeconds, 3),
        }),
    });
}
