using System.Globalization;
using Uplift.Catalog;

namespace Uplift.Upgrade.Planning;

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

    /// <summary>
    /// An install step's: the packages, space-separated, the release they come from, and "code": the major version each
    /// service's code package must have once installed ("python3-nova=32 …", catalog versions.yaml), which its guard
    /// and check read: a package at its candidate is not done when the candidate is another release's.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Install(IEnumerable<string> packages, Release release, OpenStackCatalog catalog)
    {
        var list = packages.ToList();
        var code = catalog.CodeVersions
            .Where(c => list.Contains(c.Package) && c.Majors.ContainsKey(release.Series))
            .Select(c => $"{c.Package}={c.Majors[release.Series].ToString(CultureInfo.InvariantCulture)}")
            .ToList();
        return Of(("packages", string.Join(' ', list)), ("release", release.Series), ("code", code.Count > 0 ? string.Join(' ', code) : null));
    }

    /// <summary>
    /// A stop step's: the units, and the packages with their release so its guard can see a node already on new
    /// code (a fresh plan after a partial run).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Stop(IEnumerable<string> units, IEnumerable<string> packages, Release release, OpenStackCatalog catalog) =>
        [.. Units(units), .. Install(packages, release, catalog)];
}
