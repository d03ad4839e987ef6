namespace Uplift.Diagnostics;

/// <summary>
/// "Did you mean": the known name closest to what an operator typed (a command, an option, a release), by edit
/// distance with adjacent transpositions counted once (optimal string alignment). A name counts as close when at most a
/// third of its letters differ (at least one), so `pln` finds `plan` and `flamngo` finds `flamingo`, but `x` finds nothing.
/// Every "did you mean" of Uplift comes from here: commands and options, release names, keys and names in the inventory.
/// </summary>
public static class Suggestion
{
    /// <summary>The closest candidate, or null when none is close; ties go to the first candidate given.</summary>
    /// <param name="loose">Allow up to half of what was typed to differ (at least two letters): for a hint that lists every
    /// valid name anyway (a key of a file), where a far guess costs nothing.</param>
    public static string? Closest(string typed, IEnumerable<string> candidates, bool loose = false)
    {
        var wanted = typed.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(wanted, candidate.ToLowerInvariant());
            var reach = loose ? Math.Max(2, typed.Length / 2) : Math.Max(1, candidate.TrimStart('-').Length / 3);
            if (candidate != typed && distance <= reach && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best;
    }

    /// <summary>Hint for an unknown name of a file: the likely intended one, then every valid one.</summary>
    public static string Hint(string typed, IReadOnlyCollection<string> known)
    {
        var closest = Closest(typed, known, loose: true);
        // A long list (every node of a large cluster) would bury the suggestion.
        var valid = known.Count <= 12 ? $"valid: {string.Join(", ", known)}" : $"one of the {known.Count} names defined in the file";
        return closest is null ? valid : $"did you mean '{closest}'? {valid}";
    }

    /// <summary>" (did you mean 'x'?)", or "" when nothing is close: ready to append to a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } close ? $" (did you mean '{close}'?)" : "";

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
