using Uplift.Planning;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// Keeps one copy of each distinct argument list and each distinct key and value the planner writes: thousands of
/// computes carry the same package lists, config checks and APT sources, and a plan that holds them once is smaller
/// and faster to build (what survives a collection is what the collector pays for).
/// </summary>
internal sealed class SharedArguments
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<IReadOnlyList<KeyValuePair<string, string>>> _lists = new(SameArguments.Instance);

    /// <summary>The list kept for arguments equal to <paramref name="arguments"/>, their copy the first time.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Share(IReadOnlyList<KeyValuePair<string, string>> arguments)
    {
        if (arguments.Count == 0)
        {
            return [];
        }
        if (_lists.TryGetValue(arguments, out var same))
        {
            return same;
        }
        // An array is kept as it is, its strings swapped for the equal ones kept (which no reader of it can tell apart):
        // a step kind writes a new array each time, and most of a large plan's are a node's own (its name in them).
        var kept = arguments as KeyValuePair<string, string>[] ?? new KeyValuePair<string, string>[arguments.Count];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = new(String(arguments[i].Key), String(arguments[i].Value));
        }
        _lists.Add(kept);
        return kept;
    }

    private string String(string text)
    {
        if (_strings.TryGetValue(text, out var kept))
        {
            return kept;
        }
        _strings.Add(text, text);
        return text;
    }

    /// <summary>Equal when the same pairs come in the same order.</summary>
    private sealed class SameArguments : IEqualityComparer<IReadOnlyList<KeyValuePair<string, string>>>
    {
        public static readonly SameArguments Instance = new();

        public bool Equals(IReadOnlyList<KeyValuePair<string, string>>? x, IReadOnlyList<KeyValuePair<string, string>>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }
            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }
            for (var i = 0; i < x.Count; i++)
            {
                if (!string.Equals(x[i].Key, y[i].Key, StringComparison.Ordinal) || !string.Equals(x[i].Value, y[i].Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }

        public int GetHashCode(IReadOnlyList<KeyValuePair<string, string>> pairs)
        {
            var hash = new HashCode();
            for (var i = 0; i < pairs.Count; i++)
            {
                hash.Add(pairs[i].Key, StringComparer.Ordinal);
                hash.Add(pairs[i].Value, StringComparer.Ordinal);
            }
            return hash.ToHashCode();
        }
    }
}
