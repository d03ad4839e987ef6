namespace Uplift.Catalog;

/// <summary>
/// From <paramref name="Release"/> on, the services' keystonemiddleware accepts a service token only from a user holding
/// one of <paramref name="Roles"/> (catalog <c>service-token-roles</c>): pre-flight checks every service user a planned
/// service sends service tokens as, before anything changes.
/// </summary>
/// <param name="Note">Why, with the upstream release note.</param>
public sealed record ServiceTokenRoles(string Release, IReadOnlyList<string> Roles, string Note);
