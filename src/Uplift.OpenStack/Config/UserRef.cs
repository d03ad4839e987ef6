namespace Uplift.OpenStack;

/// <summary>A Keystone user: by id, or by name within a domain.</summary>
public sealed record UserRef(string? Id = null, string? Name = null, DomainRef? Domain = null);
