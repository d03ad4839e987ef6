namespace Uplift.OpenStack;

/// <summary>A Keystone project: by id, or by name within a domain.</summary>
public sealed record ProjectRef(string? Id = null, string? Name = null, DomainRef? Domain = null);
