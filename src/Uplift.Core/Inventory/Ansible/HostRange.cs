using System.Globalization;

namespace Uplift.Inventory.Ansible;

/// <summary>
/// Expands Ansible host ranges: <c>compute[01:20]</c> (leading zeros kept), <c>node[a:c]</c>, an optional
/// step <c>[1:9:2]</c>, several ranges in one name. Rules from Ansible's
/// <c>lib/ansible/inventory/helpers.py</c> / <c>expand_hostname_range</c>.
/// </summary>
internal static class HostRange
{
    /// <summary>The host names a pattern stands for; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        var open = pattern.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return pattern.Contains(']', StringComparison.Ordinal) ? throw new FormatException("']' without '['") : [pattern];
        }
        var close = pattern.IndexOf(']', open);
        if (close < 0)
        {
            throw new FormatException("'[' without a closing ']'");
        }
        var (head, range, tail) = (pattern[..open], pattern[(open + 1)..close], pattern[(close + 1)..]);
        var tails = Expand(tail);
        return Values(range).SelectMany(value => tails.Select(t => head + value + t)).ToList();
    }

    private static IEnumerable<string> Values(string range)
    {
        var parts = range.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            throw new FormatException($"'[{range}]' is not a range: write [first:last] or [first:last:step]");
        }
        var (first, last) = (parts[0].Length == 0 ? "0" : parts[0], parts[1]);
        if (last.Length == 0)
        {
            throw new FormatException($"'[{range}]' has no last value: write [first:last], e.g. [01:20]");
        }
        var step = 1;
        if (parts.Length == 3 && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
        {
            throw new FormatException($"the step in '[{range}]' must be a whole number of 1 or more");
        }
        if (IsNumber(first) && IsNumber(last))
        {
            return Numbers(range, first, last, step);
        }
        if (first.Length == 1 && last.Length == 1 && char.IsAsciiLetter(first[0]) && char.IsAsciiLetter(last[0]))
        {
            // Between 'Z' and 'a' lie [ \ ] ^ _ `: a range that crosses cases would make names of punctuation.
            return char.IsAsciiLetterUpper(first[0]) != char.IsAsciiLetterUpper(last[0])
                ? throw new FormatException($"'[{range}]' mixes upper and lower case: write [a:f] or [A:F]")
                : first[0] > last[0]
                ? throw new FormatException($"'[{range}]' runs backwards: the first letter must come before the last")
                : Enumerable.Range(first[0], last[0] - first[0] + 1).Where((_, i) => i % step == 0).Select(c => ((char)c).ToString());
        }
        throw new FormatException($"'[{range}]' mixes numbers and letters or uses several letters: write [01:20] or [a:f]");
    }

    private static List<string> Numbers(string range, string first, string last, int step)
    {
        // A leading zero fixes the width: [01:10] gives 01 … 10, so both ends must have the same width.
        var width = first.Length > 1 && first[0] == '0' ? first.Length : 0;
        if (width > 0 && last.Length != width)
        {
            throw new FormatException($"'[{range}]' has ends of different widths: write both with the same number of digits");
        }
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to - from > 100_000)
        {
            throw new FormatException($"'[{range}]' is too large (more than 100000 hosts)");
        }
        if (from > to)
        {
            throw new FormatException($"'[{range}]' runs backwards: the first number must not be above the last");
        }
        var names = new List<string>();
        for (var n = from; n <= to; n += step)
        {
            names.Add(n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
        }
        return names;
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
