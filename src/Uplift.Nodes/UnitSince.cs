using System.Globalization;

namespace Uplift.Nodes;

/// <summary>
/// Whether units run and since when: <c>TZ=UTC systemctl show -p Id -p ActiveState -p ActiveEnterTimestamp UNIT…</c>
/// prints one block of KEY=VALUE lines per unit, blocks separated by a blank line, timestamps as
/// "Fri 2026-12-04 16:00:00 UTC" (systemd's format in the zone TZ names; empty when the unit never started).
/// </summary>
public static class UnitSince
{
    public static string Command(IEnumerable<string> units) =>
        "TZ=UTC systemctl show -p Id -p ActiveState -p ActiveEnterTimestamp " + ShellQuote.Words(units.Select(u => u + ".service"));

    /// <summary>unit (without ".service") → (ActiveState, when it last became active).</summary>
    /// <exception cref="FormatException">A timestamp not in systemd's format.</exception>
    public static IReadOnlyDictionary<string, (string Active, DateTimeOffset? Since)> Parse(string standardOutput)
    {
        var units = new Dictionary<string, (string Active, DateTimeOffset? Since)>(StringComparer.Ordinal);
        string? unit = null;
        foreach (var line in standardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Contains('=', StringComparison.Ordinal)))
        {
            var (key, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (key == "Id")
            {
                // Each unit's block starts with its Id (systemctl prints Id first, and a blank line between blocks).
                unit = value.EndsWith(".service", StringComparison.Ordinal) ? value[..^".service".Length] : value;
                units[unit] = ("unknown", null);
            }
            else if (unit is not null && key == "ActiveState")
            {
                units[unit] = (value, units[unit].Since);
            }
            else if (unit is not null && key == "ActiveEnterTimestamp")
            {
                units[unit] = (units[unit].Active, Timestamp(value));
            }
        }
        return units;
    }

    private static DateTimeOffset? Timestamp(string text)
    {
        if (text.Length == 0 || text == "n/a")
        {
            return null;
        }
        // "Fri 2026-12-04 16:00:00 UTC": weekday, date, time, zone (UTC: the command sets TZ=UTC).
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || parts[3] != "UTC" || !DateTimeOffset.TryParseExact($"{parts[1]} {parts[2]}", "yyyy-MM-dd HH:mm:ss",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            throw new FormatException($"systemctl printed a timestamp Uplift cannot read: '{text}'");
        }
        return when;
    }
}
