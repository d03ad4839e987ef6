namespace Uplift.OpenStack;

/// <summary>One endpoint of a service in the token's catalog.</summary>
public sealed record CatalogEndpoint(string Interface, string? Region, Uri Url);
