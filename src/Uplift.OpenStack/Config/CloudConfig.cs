namespace Uplift.OpenStack;

/// <summary>
/// One cloud of clouds.yaml (merged with secure.yaml), checked and ready to authenticate with.
/// <see cref="Interface"/> is public, internal or admin; <see cref="CaCertFile"/>, when set, is the only CA trusted.
/// </summary>
public sealed record CloudConfig(
    string Name,
    Uri AuthUrl,
    CloudCredentials Credentials,
    AuthScope Scope,
    string? RegionName = null,
    string Interface = "public",
    string? CaCertFile = null,
    string? SourceFile = null);
