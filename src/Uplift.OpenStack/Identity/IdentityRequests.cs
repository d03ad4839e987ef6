namespace Uplift.OpenStack;

/// <summary>Builds keystone v3 requests on roles and their assignments (keystone api-ref v3/roles.inc). Pure.</summary>
public static class IdentityRequests
{
    public static ApiRequest RolesNamed(string name) => new(HttpMethod.Get, "/roles" + QueryString.Of(("name", name)));

    /// <summary>Who holds the role, with groups expanded to their users ("effective") and names beside the ids.</summary>
    public static ApiRequest HoldersOf(string roleId) =>
        new(HttpMethod.Get, "/role_assignments" + QueryString.Of(("role.id", roleId), ("effective", "true"), ("include_names", "true")));
}
