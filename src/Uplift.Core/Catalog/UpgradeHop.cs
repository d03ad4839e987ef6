namespace Uplift.Catalog;

/// <summary>One full upgrade from a release to the next one, or to the next SLURP release (skip level).</summary>
public sealed record UpgradeHop(Release From, Release To, bool SkipLevel)
{
    public override string ToString() => $"{From.Series} → {To.Series}";
}
