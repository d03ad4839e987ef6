using System.Globalization;
using System.Text;

namespace Uplift.Haproxy;

/// <summary>Plain-text views of HAProxy state for the command line: aligned columns, one line per server.</summary>
public static class HaproxyTables
{
    /// <summary>list-servers: each server with its address, operational and admin states, and live status.</summary>
    public static string Servers(IReadOnlyList<ServerState> servers, IReadOnlyList<StatRow> stats) =>
        Table(["SERVER", "ADDRESS", "OPERATIONAL", "ADMIN", "STATUS", "SESSIONS", "QUEUED"],
            servers.Select(s =>
            {
                var stat = stats.FirstOrDefault(r => r.Proxy == s.Backend && r.Service == s.Name);
                return new[]
                {
                    s.Name, s.Port is null ? s.Address : $"{s.Address}:{s.Port}", s.OperationalState.ToString().ToLowerInvariant(),
                    s.AdminStateText, stat?.Status ?? "?", Count(stat?.SessionsCurrent), Count(stat?.QueueCurrent),
                };
            }));

    /// <summary>show-stat: the columns an operator reads first; the full CSV stays one command away (show stat).</summary>
    public static string Stats(IReadOnlyList<StatRow> rows) =>
        Table(["PROXY", "SERVICE", "STATUS", "SESSIONS", "QUEUED", "CHECK", "ADDRESS"],
            rows.Select(r => new[]
            {
                r.Proxy, r.Service, r.Status, Count(r.SessionsCurrent), Count(r.QueueCurrent),
                r.CheckStatus.Length == 0 ? "-" : r.CheckStatus, r.Address.Length == 0 ? "-" : r.Address,
            }));

    /// <summary>One line about a finished drain, for a log or a terminal.</summary>
    public static string Drain(DrainOutcome outcome) =>
        string.Create(CultureInfo.InvariantCulture, $"{outcome.Backend}/{outcome.Server}: ")
        + (outcome.Drained
            ? string.Create(CultureInfo.InvariantCulture, $"drained in {outcome.Elapsed.TotalSeconds:0.0} s (status {outcome.Last.Status}, no session left)")
            : string.Create(CultureInfo.InvariantCulture,
                $"still {outcome.Last.SessionsCurrent ?? 0} session(s), {outcome.Last.QueueCurrent ?? 0} queued after {outcome.Elapsed.TotalSeconds:0.0} s"));

    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
        return text.ToString();
    }
}
