using System.Globalization;

namespace Uplift.Haproxy;

internal static class Fields
{
    public static string Text(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : "";

    /// <summary>A number, or null when the column is absent, empty or "-" (HAProxy leaves fields that do not apply empty).</summary>
    public static long? Number(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    public static string[] Lines(string reply) =>
        reply.Replace("\r", "", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0).ToArray();

    public static void Require(ReplyTable table, string reply, params string[] names)
    {
        var missing = names.Where(n => !table.Has(n)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"the header has no column {string.Join(", ", missing)}: {reply.Split('\n')[0]}");
        }
    }
}
