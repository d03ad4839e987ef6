using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// Parses keystone's GET /v3/roles ({"roles": [{"id", "name", …}]}) and GET /v3/role_assignments with include_names
/// ({"role_assignments": [{"role": {"name"}, "user": {"name", "domain": {"id", "name"}}, "scope": {"project": {"name",
/// "domain": {"id", "name"}}}}]}) (keystone api-ref v3/roles.inc). Only users' assignments on projects are kept.
/// </summary>
public static class KeystoneRoles
{
    private const string Roles = "keystone roles";
    private const string Assignments = "keystone role assignments";

    /// <summary>The ids of the roles the list holds.</summary>
    public static IReadOnlyList<string> ParseIds(string json) => JsonFields.List(json, "roles", Roles, r => JsonFields.RequiredId(r, "id", Roles));

    public static IReadOnlyList<RoleAssignment> ParseAssignments(string json) =>
        [.. JsonFields.List(json, "role_assignments", Assignments, Parse).OfType<RoleAssignment>()];

    private static RoleAssignment? Parse(JsonObject item)
    {
        if (item["user"] is not JsonObject user || item["scope"] is not JsonObject scope || scope["project"] is not JsonObject project)
        {
            return null;
        }
        return new RoleAssignment(
            JsonFields.Required(JsonFields.Object(item, "role", Assignments), "name", Assignments),
            JsonFields.Required(user, "name", Assignments),
            DomainName(user),
            JsonFields.Required(project, "name", Assignments),
            DomainName(project));
    }

    private static KeystoneDomain DomainName(JsonObject owner)
    {
        var domain = JsonFields.Object(owner, "domain", Assignments);
        return new KeystoneDomain(JsonFields.RequiredId(domain, "id", Assignments), JsonFields.Required(domain, "name", Assignments));
    }
}
