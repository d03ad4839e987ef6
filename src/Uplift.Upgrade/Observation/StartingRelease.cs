using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Upgrade.Planning;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// The release a plan starts from, decided by what the nodes run: the oldest release any node's code is on. --from,
/// when given, must be that release; every node must run a release on the way from it to the target (nodes already
/// further along make the plan a continuation of an upgrade left half way). Pure.
/// </summary>
public static class StartingRelease
{
    /// <returns>The series to plan from, and a note to show when the cluster is part way (null otherwise).</returns>
    /// <exception cref="InputException">A node runs code of no known release, a release off the path, or --from disagrees.</exception>
    public static (string From, string? Note) Decide(ClusterObservation observed, OpenStackCatalog catalog, string? from, string to, string via) =>
        Decide(observed, catalog, from, to, via, continuing: false);

    /// <summary>For a plan made earlier (a saved plan, a journal's): every node must run a release on its way, possibly
    /// all of them further along than its start (a run that stopped after the last install).</summary>
    /// <exception cref="InputException">A node runs code of no known release, or a release off the plan's way.</exception>
    public static string? Continue(ClusterObservation observed, OpenStackCatalog catalog, string from, string to, string via) =>
        Decide(observed, catalog, from, to, via, continuing: true).Note;

    /// <summary>A rollback from <paramref name="from"/> back to <paramref name="to"/>: every node runs one of the two.</summary>
    public static string RollingBack(ClusterObservation observed, OpenStackCatalog catalog, string from, string to)
    {
        var off = observed.Nodes.Where(n => n.Series.Any(s => s != from && s != to)).ToList();
        if (off.Count > 0)
        {
            throw new InputException($"the rollback goes from {from} back to {to}, but some nodes run another release: " +
                string.Join("; ", off.Select(n => $"{n.Node.Name} runs {string.Join(", ", n.Series)}")), hint: "nothing was changed; plan the rollback again");
        }
        return $"rolling back to {to}: {ObservedView.Summary(observed)}";
    }

    private static (string From, string? Note) Decide(ClusterObservation observed, OpenStackCatalog catalog, string? from, string to, string via, bool continuing)
    {
        var releases = catalog.Releases.Select(r => r.Series).ToList();
        var unknown = observed.Nodes.SelectMany(n => n.Installed.Where(c => c.Series is null).Select(c => (n.Node.Name, Code: c))).ToList();
        if (unknown.Count > 0)
        {
            throw new InputException(unknown.Select(u => new Diagnostic(
                $"{u.Name} runs {u.Code.Service} {u.Code.Version} ({u.Code.Package}), which no release of the catalog has",
                Hint: $"check the node's packages; a release the catalog lacks is added with a catalog overlay's code-versions")).ToList());
        }
        var seen = observed.Nodes.SelectMany(n => n.Series).Distinct().OrderBy(releases.IndexOf).ToList();
        if (seen.Count == 0)
        {
            throw new InputException("no node runs OpenStack code whose release Uplift can read",
                hint: "check the inventory's roles and that the nodes have the catalog's packages (uplift inventory show --observed)");
        }
        var target = new UpgradePaths(catalog).Release(to).Series;
        var oldest = continuing ? new UpgradePaths(catalog).Release(from!).Series : seen[0];
        if (!continuing && from is not null && new UpgradePaths(catalog).Release(from).Series != oldest)
        {
            throw new InputException($"--from {from}, but the nodes run {observed.ByRelease()}", hint:
                $"nothing was changed; plan from what the nodes run: leave out --from, or give --from {oldest}");
        }
        var stops = PlanPath.Hops(catalog, oldest, target, via).Select(h => h.To.Series).Prepend(oldest).ToHashSet();
        var off = seen.Where(s => !stops.Contains(s)).ToList();
        if (off.Count > 0)
        {
            throw new InputException(
                $"the nodes run {observed.ByRelease()}: {string.Join(", ", off)} is not on the way from {oldest} to {target}",
                hint: "nothing was changed; bring those nodes back to one release first, or choose the target they are on the way to");
        }
        var note = seen.Count > 1 || seen[0] != oldest
            ? $"the cluster is part way from {oldest} to {target} ({observed.ByRelease()}): this plan continues it; steps the nodes show done are found done"
            : null;
        return (oldest, note);
    }
}
