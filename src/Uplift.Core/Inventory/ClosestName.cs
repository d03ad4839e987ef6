namespace Uplift.Inventory;

/// <summary>Finds the known name a mistyped one most likely meant (edit distance), for "did you mean" hints.</summary>
internal static class ClosestName
{
    public static string? To(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        // Further than half the word away is a different word, not a typo.
        return bestDistance <= Math.Max(2, typed.Length / 2) ? best : null;
    }

    /// <summary>Hint for an unknown name: the likely intended one, then every valid one.</summary>
    public static string Hint(string typed, IReadOnlyCollection<string> known)
    {
        var closest = To(typed, known);
        // A long list (every node of a large cluster) would bury the suggestion.
        var valid = known.Count <= 12 ? $"valid: {string.Join(", ", known)}" : $"one of the {known.Count} names defined in the file";
        return closest is null ? valid : $"did you mean '{closest}'? {valid}";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
