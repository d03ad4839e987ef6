namespace Uplift.OpenStack;

/// <summary>What the token is scoped to: a project, a domain, or nothing (unscoped) when both are null.</summary>
public sealed record AuthScope(ProjectRef? Project = null, DomainRef? Domain = null);
