using System.Text.Json;

namespace Uplift.Database;

/// <summary>
/// Parses `SVC-status upgrade check` (oslo.upgradecheck) output in both forms it prints
/// (openstack/oslo.upgradecheck oslo_upgradecheck/upgradecheck.py, UpgradeCommands.check):
/// <list type="bullet">
/// <item>the default prettytable box, one row per check holding "Check: NAME", "Result: Success|Warning|Failure"
/// and "Details: TEXT" (wrapped at 60 columns, continuation lines indented; "None" when there are none);</item>
/// <item>--json: {"name": TITLE, "checks": [{"check": NAME, "result": 0|1|2, "details": TEXT|null}]}.</item>
/// </list>
/// Exit code 255 means the checker raised: it printed "Error:" and a traceback, no checks.
/// </summary>
public static class UpgradeCheckParser
{
    /// <exception cref="FormatException">The output is neither form (and the command did not crash).</exception>
    public static UpgradeCheckReport Parse(string output, int exitCode)
    {
        var trimmed = output.Trim();
        if (exitCode is not (0 or 1 or 2))
        {
            return new UpgradeCheckReport(exitCode, [], trimmed.Length > 0 ? trimmed : null);
        }
        var json = trimmed.IndexOf("{\"", StringComparison.Ordinal);
        var checks = json >= 0 && trimmed.IndexOf('+') is var box && (box < 0 || json < box)
            ? ParseJson(trimmed[json..])
            : ParseTable(trimmed);
        return new UpgradeCheckReport(exitCode, checks);
    }

    public static IReadOnlyList<UpgradeCheck> ParseJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("checks").EnumerateArray()
                .Select(c => new UpgradeCheck(
                    c.GetProperty("check").GetString() ?? "",
                    Status(c.GetProperty("result").GetInt32()),
                    c.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"upgrade check --json output is not {{\"checks\": [...]}}: {e.Message}", e);
        }
    }

    public static IReadOnlyList<UpgradeCheck> ParseTable(string output)
    {
        var checks = new List<UpgradeCheck>();
        var cell = new List<string>();
        var inBox = false;
        foreach (var raw in output.Split('\n').Select(l => l.TrimEnd('\r').Trim()))
        {
            if (raw.StartsWith("+-", StringComparison.Ordinal))
            {
                inBox = true;
                Flush();
            }
            else if (inBox && raw.Length >= 2 && raw[0] == '|' && raw[^1] == '|')
            {
                cell.Add(raw[1..^1].Trim());
            }
        }
        Flush();
        return inBox
            ? checks
            : throw new FormatException("upgrade check output holds no result table (+----+ box)");

        void Flush()
        {
            if (cell.Count > 0 && cell[0].StartsWith("Check:", StringComparison.Ordinal))
            {
                checks.Add(ParseCell(cell));
            }
            cell.Clear();
        }
    }

    private static UpgradeCheck ParseCell(List<string> lines)
    {
        string name = After(lines[0], "Check:");
        string? result = null;
        var details = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            if (result is null && line.StartsWith("Result:", StringComparison.Ordinal))
            {
                result = After(line, "Result:");
            }
            else if (details.Count == 0 && line.StartsWith("Details:", StringComparison.Ordinal))
            {
                details.Add(After(line, "Details:"));
            }
            else if (details.Count > 0)
            {
                details.Add(line);
            }
            else
            {
                name += " " + line; // a long check name wrapped by the table
            }
        }
        // textwrap breaks after hyphens and inside over-long words (URLs): rejoin those without a space.
        var text = details.Where(d => d.Length > 0)
            .Aggregate("", (sum, next) => sum.Length == 0 ? next : sum + (sum[^1] is '-' or '/' ? "" : " ") + next);
        return new UpgradeCheck(
            name,
            result switch
            {
                "Success" => CheckStatus.Success,
                "Warning" => CheckStatus.Warning,
                "Failure" => CheckStatus.Failure,
                _ => throw new FormatException($"check '{name}': unknown result '{result}' (expected Success, Warning or Failure)"),
            },
            text is "" or "None" ? null : text);
    }

    private static string After(string line, string label) => line[label.Length..].Trim();

    private static CheckStatus Status(int code) =>
        Enum.IsDefined((CheckStatus)code) ? (CheckStatus)code : throw new FormatException($"unknown check result code {code}");
}
