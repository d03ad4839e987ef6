namespace Uplift.OpenStack;

/// <summary>A Keystone token (from X-Subject-Token), when it expires, and its catalog. Prints the token redacted.</summary>
public sealed record KeystoneToken(Secret Value, DateTimeOffset ExpiresAt, ServiceCatalog Catalog, string? ProjectId = null, string? UserId = null);
