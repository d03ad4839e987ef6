namespace Uplift.Catalog;

/// <summary>
/// The upgrades that take a cluster from one release to another, in order; each hop is a full
/// upgrade, with online data migrations finished before the next one. No hop means a minor update.
/// </summary>
public sealed record UpgradePath(Release From, Release To, IReadOnlyList<UpgradeHop> Hops)
{
    public bool IsMinorUpdate => Hops.Count == 0;

    /// <summary>Every release the cluster runs along the way, first and last included.</summary>
    public IReadOnlyList<Release> Releases => [From, .. Hops.Select(h => h.To)];

    public override string ToString() => string.Join(" → ", Releases.Select(r => r.Series));
}
