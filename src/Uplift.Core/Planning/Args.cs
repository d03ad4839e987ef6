namespace Uplift.Planning;

/// <summary>Builds a step's ordered argument list: <c>Args.Of(("backend", "novabe"), ("server", "ctl1"))</c>.</summary>
internal static class Args
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(params (string Key, string? Value)[] pairs)
    {
        var list = new List<KeyValuePair<string, string>>(pairs.Length);
        foreach (var (key, value) in pairs)
        {
            if (value is not null)
            {
                list.Add(new(key, value));
            }
        }
        return list.ToArray();
    }

    /// <summary>A units step's: the units, space-separated.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Units(IEnumerable<string> units) =>
        Of(("units", string.Join(' ', units)));

    /// <summary>An install step's: the packages, space-separated, and the release they come from.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Install(IEnumerable<string> packages, string release) =>
        Of(("packages", string.Join(' ', packages)), ("release", release));

    /// <summary>
    /// A stop step's: the units, and the packages with their release so its guard can see a node already on new
    /// code (a fresh plan after a partial run).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Stop(IEnumerable<string> units, IEnumerable<string> packages, string release) =>
        [.. Units(units), .. Install(packages, release)];
}
