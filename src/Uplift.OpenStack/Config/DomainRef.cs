namespace Uplift.OpenStack;

/// <summary>A Keystone domain, named by id or by name.</summary>
public sealed record DomainRef(string? Id = null, string? Name = null);
