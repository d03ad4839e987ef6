using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Uplift.Lab;

/// <summary>Requests sent, failures and the longest failure window of one API frontend.</summary>
public sealed record FrontendSummary(string Name, int Sent, int Failures, TimeSpan LongestFailureWindow);

/// <summary>What <c>uplift lab probe</c> prints when it ends (at its duration or on SIGINT).</summary>
public sealed record ProbeSummary(TimeSpan Duration, IReadOnlyList<FrontendSummary> Frontends)
{
    public int Sent => Frontends.Sum(f => f.Sent);

    public int Failures => Frontends.Sum(f => f.Failures);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Probe through {LabLayout.VipAddress} for {Duration.TotalSeconds:0.0} s: {Sent} requests, {Failures} failed.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"frontend",-14} {"sent",7} {"failed",7} {"longest failure window",24}");
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
