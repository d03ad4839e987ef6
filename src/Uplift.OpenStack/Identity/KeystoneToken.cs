namespace Uplift.OpenStack;

/// <summary>
/// A Keystone token (from X-Subject-Token), when Keystone issued it and when it expires (Keystone's clock), and its
/// catalog. Prints the token redacted.
/// </summary>
public sealed record KeystoneToken(
    Secret Value,
    DateTimeOffset ExpiresAt,
    ServiceCatalog Catalog,
    string? ProjectId = null,
    string? UserId = null,
    DateTimeOffset? IssuedAt = null);
