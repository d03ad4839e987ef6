using System.Globalization;

namespace Uplift.OpenStack;

/// <summary>An API microversion such as 2.53 (compute) or 3.49 (block-storage); compares numerically (2.9 &lt; 2.10).</summary>
public readonly record struct Microversion(int Major, int Minor) : IComparable<Microversion>
{
    public static bool TryParse(string? text, out Microversion version)
    {
        version = default;
        var parts = text?.Trim().Split('.');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }
        version = new Microversion(major, minor);
        return true;
    }

    public static Microversion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a microversion like 2.53");

    public int CompareTo(Microversion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(Microversion left, Microversion right) => left.CompareTo(right) < 0;

    public static bool operator >(Microversion left, Microversion right) => left.CompareTo(right) > 0;

    public static bool operator <=(Microversion left, Microversion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Microversion left, Microversion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
