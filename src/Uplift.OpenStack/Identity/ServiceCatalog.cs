namespace Uplift.OpenStack;

/// <summary>The service catalog that came with a token; picks the endpoint Uplift calls.</summary>
public sealed record ServiceCatalog(IReadOnlyList<CatalogService> Services)
{
    /// <summary>
    /// The URL of the first of <paramref name="serviceTypes"/> (in order of preference, e.g. block-storage then
    /// volumev3) that has an endpoint on <paramref name="endpointInterface"/> in <paramref name="region"/>.
    /// Without a region, the endpoint must be unambiguous.
    /// </summary>
    public Uri EndpointFor(IReadOnlyList<string> serviceTypes, string endpointInterface, string? region)
    {
        foreach (var type in serviceTypes)
        {
            var candidates = Services
                .Where(s => s.Type == type)
                .SelectMany(s => s.Endpoints)
                .Where(e => e.Interface == endpointInterface && (region is null || e.Region == region))
                .ToList();
            var regions = candidates.Select(e => e.Region).Distinct().ToList();
            if (regions.Count > 1)
            {
                throw new OpenStackApiException(
                    $"the catalog has {type} endpoints ({endpointInterface}) in several regions: {string.Join(", ", regions)}; set region_name in clouds.yaml");
            }
            if (candidates.Count > 0)
            {
                return candidates[0].Url;
            }
        }
        var offered = Services
            .Where(s => serviceTypes.Contains(s.Type))
            .SelectMany(s => s.Endpoints.Select(e => $"{s.Type} {e.Interface} {e.Region ?? "(no region)"}"))
            .ToList();
        var where = region is null ? "" : $" in region {region}";
        throw new OpenStackApiException(
            $"the catalog has no {string.Join(" or ", serviceTypes)} endpoint with interface {endpointInterface}{where}; " +
            (offered.Count == 0 ? "the service is not in the catalog" : $"it offers: {string.Join("; ", offered)}") +
            "; check interface and region_name in clouds.yaml");
    }
}
