namespace Uplift.OpenStack;

/// <summary>One service in the token's catalog: its type (compute, network, block-storage …), name and endpoints.</summary>
public sealed record CatalogService(string Type, string? Name, IReadOnlyList<CatalogEndpoint> Endpoints);
