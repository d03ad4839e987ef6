namespace Uplift.Catalog;

/// <summary>
/// The release series of a Debian package version ("3.13" of "3.13.7-1", "4.0" of "1:4.0.5-6+deb13u2") and whether an
/// upgrade between two versions skips one of the series the catalog lists (<see cref="OpenStackCatalog.SeriesBySeries"/>).
/// Pure.
/// </summary>
public static class PackageSeries
{
    /// <summary>major.minor of the upstream part of a Debian version; null when it has no such part.</summary>
    public static string? Of(string version)
    {
        var upstream = version[(version.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var cut = upstream.IndexOfAny(['-', '+', '~']);
        var parts = (cut < 0 ? upstream : upstream[..cut]).Split('.');
        return parts.Length >= 2 && parts[0].Length > 0 && parts[1].Length > 0 && parts[0].All(char.IsAsciiDigit) && parts[1].All(char.IsAsciiDigit)
            ? $"{int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)}.{int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)}"
            : null;
    }

    /// <summary>What is wrong with going from <paramref name="installed"/> to <paramref name="candidate"/> one node at a
    /// time; null when it is a patch release or the next series.</summary>
    /// <returns>The refusal's text: the series skipped or unknown, and the path to take.</returns>
    public static string? Jump(string package, string installed, string candidate, IReadOnlyList<string> series)
    {
        var (from, to) = (Of(installed), Of(candidate));
        if (from is not null && from == to)
        {
            return null;
        }
        var (i, j) = (from is null ? -1 : series.IndexOf(from), to is null ? -1 : series.IndexOf(to));
        if (i < 0 || j < 0)
        {
            var unknown = i < 0 ? installed : candidate;
            return $"{package} {installed} → {candidate}: the catalog does not know the release series of {unknown} " +
                $"(it knows {string.Join(", ", series)}), so it cannot tell whether the upgrade skips one";
        }
        if (j < i)
        {
            return $"{package} {installed} → {candidate} goes back from {from} to {to}";
        }
        if (j == i + 1)
        {
            return null;
        }
        var skipped = series.Skip(i + 1).Take(j - i - 1).ToList();
        return $"{package} {installed} → {candidate} skips {string.Join(", ", skipped)}: a cluster is upgraded one series at a time " +
            $"({string.Join(" → ", series.Skip(i).Take(j - i + 1))})";
    }

    private static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (var k = 0; k < list.Count; k++)
        {
            if (list[k] == item)
            {
                return k;
            }
        }
        return -1;
    }
}
