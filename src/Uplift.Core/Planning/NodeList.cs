using System.Text.RegularExpressions;

namespace Uplift.Planning;

/// <summary>Short text for a list of node names: "cmp1..cmp6, vol1" (consecutive numbered names become ranges).</summary>
public static partial class NodeList
{
    public static string Compress(IReadOnlyList<string> names)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < names.Count)
        {
            var j = i;
            while (j + 1 < names.Count && Follows(names[j], names[j + 1]))
            {
                j++;
            }
            parts.Add(j - i >= 2 ? $"{names[i]}..{names[j]}" : names[i]);
            if (j - i == 1)
            {
                parts.Add(names[j]);
            }
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    private static bool Follows(string a, string b)
    {
        var ma = Numbered().Match(a);
        var mb = Numbered().Match(b);
        return ma.Success && mb.Success
            && ma.Groups[1].Value == mb.Groups[1].Value
            && ma.Groups[2].Length == mb.Groups[2].Length
            && long.TryParse(ma.Groups[2].Value, out var na) && long.TryParse(mb.Groups[2].Value, out var nb)
            && nb == na + 1;
    }

    [GeneratedRegex(@"^(.*?)(\d+)$")]
    private static partial Regex Numbered();
}
