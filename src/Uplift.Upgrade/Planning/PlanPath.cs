using Uplift.Catalog;
using Uplift.Diagnostics;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// The hops of a plan: the direct path when the catalog's rule allows it, or the releases the operator names
/// with --via, each hop checked; none for a minor update (same release). A refused path says why and proposes the valid one.
/// </summary>
public static class PlanPath
{
    public static IReadOnlyList<UpgradeHop> Hops(OpenStackCatalog catalog, string from, string to, string via)
    {
        var paths = new UpgradePaths(catalog);
        var stops = new List<Release> { paths.Release(from) };
        stops.AddRange(via.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(paths.Release));
        stops.Add(paths.Release(to));
        if (stops is [var only, var same] && only == same)
        {
            return []; // a minor update: same release, no hop
        }

        var hops = new List<UpgradeHop>();
        for (var i = 0; i + 1 < stops.Count; i++)
        {
            var check = paths.Check(stops[i], stops[i + 1]);
            if (!check.Allowed)
            {
                var proposal = check.Path is { Hops.Count: > 1 } valid
                    ? $"plan it as consecutive upgrades: --via {string.Join(',', valid.Hops.Take(valid.Hops.Count - 1).Select(h => h.To.Series))}"
                    : "choose a later target release";
                throw new InputException(check.Explanation, hint: proposal);
            }
            if (check.Path is not { Hops.Count: > 0 } path)
            {
                throw new InputException($"{stops[i]} → {stops[i + 1].Series} is a minor update, not an upgrade",
                    hint: "minor updates are planned with --from and --to naming the same release, without --via");
            }
            hops.AddRange(path.Hops);
        }
        return hops;
    }
}
