namespace Uplift.Catalog;

/// <summary>
/// An OpenStack release series (openstack/releases data/series_status.yaml).
/// SLURP releases may be upgraded to the next SLURP directly (governance resolution 2022-02-10).
/// </summary>
/// <param name="Series">Lower-case series name, e.g. "epoxy".</param>
/// <param name="Id">Calendar id, e.g. "2025.1".</param>
/// <param name="Slurp">Skip-level upgrade release.</param>
/// <param name="Future">Not released yet: planning to it is allowed, but the plan says so.</param>
public sealed record Release(string Series, string Id, bool Slurp, bool Future = false)
{
    public override string ToString() => $"{Series} ({Id})";
}
