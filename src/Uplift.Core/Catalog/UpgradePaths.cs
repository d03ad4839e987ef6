using Uplift.Diagnostics;

namespace Uplift.Catalog;

/// <summary>
/// The upgrade path rule (governance resolution 20220210-release-cadence-adjustment): a release may be
/// upgraded to the next one; a SLURP release also to the next SLURP release; nothing else.
/// Longer distances are walked as several hops, using the fewest (SLURP jumps where they help).
/// </summary>
public sealed class UpgradePaths(OpenStackCatalog catalog)
{
    private readonly IReadOnlyList<Release> releases = catalog.Releases;

    /// <summary>The release named by series or id; unknown names are input errors that list the known series.</summary>
    public Release Release(string nameOrId) =>
        catalog.FindRelease(nameOrId) ?? throw new InputException(
            $"unknown release '{nameOrId}'{Suggestion.DidYouMean(nameOrId, releases.Select(r => r.Series))}",
            hint: $"known series: {string.Join(", ", releases.Select(r => r.ToString()))}");

    /// <summary>Checks the direct path; a refusal explains why and proposes the valid path.</summary>
    public PathCheck Check(string from, string to) => Check(Release(from), Release(to));

    public PathCheck Check(Release from, Release to)
    {
        var (i, j) = (IndexOf(from), IndexOf(to));
        var future = to.Future ? $" ({to} is not released yet)" : "";
        if (i == j)
        {
            return new PathCheck(from, to, true,
                $"{from.Series} → {to} is a minor update: same release, packages updated in place, no schema contract", new UpgradePath(from, to, []));
        }
        if (j < i)
        {
            return new PathCheck(from, to, false, DowngradeText(from, to), null);
        }
        if (Direct(i, j))
        {
            var hop = Hop(i, j);
            var kind = hop.SkipLevel ? $"skip-level upgrade between SLURP releases, over {releases[i + 1].Series}" : "upgrade to the next release";
            return new PathCheck(from, to, true, $"{from} → {to}: {kind}{future}", new UpgradePath(from, to, [hop]));
        }
        var path = Walk(i, j);
        return new PathCheck(from, to, false,
            $"{from.Series} → {to.Series} is not a supported upgrade: {Reason(i, j)}{future}. " +
            $"Valid path: {path} ({path.Hops.Count} upgrades, online data migrations finished between them)",
            path);
    }

    /// <summary>The path with the fewest hops; a downgrade is an input error.</summary>
    public UpgradePath Find(string from, string to) => Find(Release(from), Release(to));

    public UpgradePath Find(Release from, Release to)
    {
        var (i, j) = (IndexOf(from), IndexOf(to));
        if (j < i)
        {
            throw new InputException(DowngradeText(from, to), hint: "restore the backup taken before the upgrade to go back");
        }
        return Walk(i, j);
    }

    private static string DowngradeText(Release from, Release to) =>
        $"{from} → {to} is a downgrade: OpenStack does not support going back to an older release (database schema downgrades are not supported)";

    private string Reason(int i, int j)
    {
        var from = releases[i];
        if (!from.Slurp)
        {
            return $"{from.Series} is not a SLURP release, so it can only be upgraded to the next release, {releases[i + 1].Series}";
        }
        var slurp = NextSlurp(i);
        if (slurp is { } s && j < s)
        {
            return $"{releases[j].Series} is not a SLURP release: a skip-level upgrade from {from.Series} must land on the next SLURP release, {releases[s].Series}";
        }
        var reach = slurp is { } t ? $"{releases[i + 1].Series} or skip one release to {releases[t].Series}" : releases[i + 1].Series;
        return $"{from.Series} is a SLURP release: it can be upgraded to {reach}, not further";
    }

    /// <summary>Breadth-first over the allowed hops; trying the SLURP jump first makes it win ties.</summary>
    private UpgradePath Walk(int i, int j)
    {
        var previous = new int?[releases.Count];
        var queue = new Queue<int>([i]);
        while (queue.Count > 0 && previous[j] is null && i != j)
        {
            var at = queue.Dequeue();
            foreach (var next in NextFrom(at).Where(n => n <= j && previous[n] is null && n != i))
            {
                previous[next] = at;
                queue.Enqueue(next);
            }
        }
        var hops = new List<UpgradeHop>();
        for (var at = j; at != i; at = previous[at]!.Value)
        {
            hops.Insert(0, Hop(previous[at]!.Value, at));
        }
        return new UpgradePath(releases[i], releases[j], hops);
    }

    private IEnumerable<int> NextFrom(int at)
    {
        if (releases[at].Slurp && NextSlurp(at) is { } slurp)
        {
            yield return slurp;
        }
        if (at + 1 < releases.Count)
        {
            yield return at + 1;
        }
    }

    private bool Direct(int i, int j) => j == i + 1 || (releases[i].Slurp && NextSlurp(i) == j);

    private UpgradeHop Hop(int i, int j) => new(releases[i], releases[j], SkipLevel: j > i + 1);

    private int? NextSlurp(int at)
    {
        for (var k = at + 1; k < releases.Count; k++)
        {
            if (releases[k].Slurp)
            {
                return k;
            }
        }
        return null;
    }

    private int IndexOf(Release release)
    {
        var index = releases.ToList().FindIndex(r => r.Series == release.Series);
        return index >= 0 ? index : throw new InputException($"unknown release '{release.Series}'");
    }
}
