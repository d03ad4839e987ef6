namespace Uplift.Nodes;

/// <summary>
/// A Debian package version, [epoch:]upstream[-revision], ordered as dpkg orders them
/// (dpkg lib/dpkg/version.c, dpkg_version_compare and verrevcmp; Debian Policy §5.6.12):
/// epochs compare as numbers; upstream and revision compare in alternating non-digit and digit runs,
/// where '~' sorts before everything (even the end of the string), letters before other characters,
/// and digit runs compare as numbers.
/// </summary>
public sealed class DebianVersion : IComparable<DebianVersion>, IEquatable<DebianVersion>
{
    private DebianVersion(long epoch, string upstream, string revision, string text)
    {
        Epoch = epoch;
        Upstream = upstream;
        Revision = revision;
        Text = text;
    }

    public long Epoch { get; }

    public string Upstream { get; }

    /// <summary>Debian revision; empty when the version has none (compares equal to "0").</summary>
    public string Revision { get; }

    public string Text { get; }

    public static DebianVersion Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("empty Debian version");
        }
        long epoch = 0;
        var rest = trimmed;
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (!long.TryParse(trimmed.AsSpan(0, colon), out epoch) || epoch < 0)
            {
                throw new FormatException($"Debian version '{text}': the epoch before ':' is not a number");
            }
            rest = trimmed[(colon + 1)..];
        }
        var dash = rest.LastIndexOf('-');
        var upstream = dash >= 0 ? rest[..dash] : rest;
        var revision = dash >= 0 ? rest[(dash + 1)..] : "";
        if (upstream.Length == 0)
        {
            throw new FormatException($"Debian version '{text}' has an empty upstream part");
        }
        return new DebianVersion(epoch, upstream, revision, trimmed);
    }

    /// <summary>Compares two version strings; negative when <paramref name="a"/> is older.</summary>
    public static int Compare(string a, string b) => Parse(a).CompareTo(Parse(b));

    public int CompareTo(DebianVersion? other)
    {
        if (other is null)
        {
            return 1;
        }
        if (Epoch != other.Epoch)
        {
            return Epoch.CompareTo(other.Epoch);
        }
        var upstream = CompareRuns(Upstream, other.Upstream);
        return upstream != 0 ? upstream : CompareRuns(Revision, other.Revision);
    }

    public bool Equals(DebianVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is DebianVersion other && Equals(other);

    // Equal versions can be spelled differently ("1.0" and "1.00"), so only the epoch is hashed.
    public override int GetHashCode() => Epoch.GetHashCode();

    public override string ToString() => Text;

    public static bool operator <(DebianVersion a, DebianVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(DebianVersion a, DebianVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(DebianVersion a, DebianVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(DebianVersion a, DebianVersion b) => a.CompareTo(b) >= 0;

    private static int CompareRuns(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var left = Order(At(a, i));
                var right = Order(At(b, j));
                if (left != right)
                {
                    return left - right;
                }
                i++;
                j++;
            }
            while (At(a, i) == '0')
            {
                i++;
            }
            while (At(b, j) == '0')
            {
                j++;
            }
            var firstDifference = 0;
            while (char.IsAsciiDigit(At(a, i)) && char.IsAsciiDigit(At(b, j)))
            {
                if (firstDifference == 0)
                {
                    firstDifference = At(a, i) - At(b, j);
                }
                i++;
                j++;
            }
            if (char.IsAsciiDigit(At(a, i)))
            {
                return 1;
            }
            if (char.IsAsciiDigit(At(b, j)))
            {
                return -1;
            }
            if (firstDifference != 0)
            {
                return firstDifference;
            }
        }
        return 0;
    }

    private static char At(string s, int index) => index < s.Length ? s[index] : '\0';

    // dpkg's order(): digits and the end weigh 0, letters their code, '~' -1, anything else its code + 256.
    private static int Order(char c) => c switch
    {
        '\0' => 0,
        '~' => -1,
        _ when char.IsAsciiDigit(c) => 0,
        _ when char.IsAsciiLetter(c) => c,
        _ => c + 256,
    };
}
