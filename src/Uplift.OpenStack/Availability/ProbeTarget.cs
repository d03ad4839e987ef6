namespace Uplift.OpenStack;

/// <summary>One API the probe sends requests to: its name (a service type, a HAProxy frontend) and a URL on it.</summary>
public sealed record ProbeTarget(string Name, Uri Url)
{
    /// <summary>The cloud's own endpoints of one interface (public: what users call), one per service type of the
    /// catalog, in catalog order: the APIs whose downtime an upgrade must not cause.</summary>
    public static IReadOnlyList<ProbeTarget> FromCatalog(ServiceCatalog catalog, string endpointInterface, string? region) =>
        [.. catalog.Services
            .Select(s => (s.Type, Endpoint: s.Endpoints.FirstOrDefault(e => e.Interface == endpointInterface && (region is null || e.Region == region))))
            .Where(s => s.Endpoint is not null)
            .DistinctBy(s => s.Type)
            .Select(s => new ProbeTarget(s.Type, s.Endpoint!.Url))];
}
