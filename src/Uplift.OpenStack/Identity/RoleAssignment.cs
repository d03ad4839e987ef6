namespace Uplift.OpenStack;

/// <summary>One role held by one user on one project, by names (keystone's role_assignments with include_names).
/// Assignments on a domain or the system have no project and are left out by <see cref="KeystoneRoles"/>.</summary>
public sealed record RoleAssignment(string Role, string User, KeystoneDomain UserDomain, string Project, KeystoneDomain ProjectDomain);

/// <summary>A keystone domain as an assignment names it: its id and its name.</summary>
public sealed record KeystoneDomain(string Id, string Name)
{
    /// <summary>Whether a config file's domain (a name, or an id) is this one; names as keystone compares them (exactly).</summary>
    public bool Is(string nameOrId) => Name == nameOrId || Id == nameOrId;
}
