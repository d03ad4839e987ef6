using Uplift.Nodes;
using Uplift.OpenStack;
using Uplift.Transports;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>
/// The user a service sends service tokens as: its config file's [service_user] with send_service_user_token = true
/// (keystoneauth's options; a domain by name or by id). Reading and matching are pure.
/// </summary>
public sealed record ServiceUser(string File, string User, string UserDomain, string Project, string ProjectDomain)
{
    public const string Section = "service_user";

    /// <summary>The options read, in the order of <see cref="Queries"/>.</summary>
    private static readonly string[] Options =
        ["send_service_user_token", "username", "user_domain_name", "user_domain_id", "project_name", "project_domain_name", "project_domain_id"];

    /// <summary>One read-only command per option of the file's [service_user].</summary>
    public static IReadOnlyList<string> Queries(string file) => [.. Options.Select(o => IniOption.Get(file, Section, o))];

    /// <summary>The file's service user from the answers to <see cref="Queries"/>; null when the file has none that sends
    /// service tokens (no file, no section, send_service_user_token not true). A sender without a user or project is a
    /// <see cref="FormatException"/>: keystoneauth could not authenticate it either.</summary>
    public static ServiceUser? Read(string file, IReadOnlyList<CommandResult> answers)
    {
        string? Value(string option) => answers[Array.IndexOf(Options, option)] is { ExitCode: 0 } r ? r.StandardOutput.Trim() : null;
        if (!string.Equals(Value("send_service_user_token"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var user = Value("username");
        var project = Value("project_name");
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(project))
        {
            throw new FormatException($"{file} [{Section}] sends service tokens but names no username or project_name (project_id is not supported)");
        }
        return new ServiceUser(file, user, Value("user_domain_name") ?? Value("user_domain_id") ?? "default",
            project, Value("project_domain_name") ?? Value("project_domain_id") ?? "default");
    }

    /// <summary>Whether one of <paramref name="holders"/> (holders of the required roles) is this user on its project.</summary>
    public bool IsAmong(IEnumerable<RoleAssignment> holders) => holders.Any(h =>
        h.User == User && h.Project == Project && h.UserDomain.Is(UserDomain) && h.ProjectDomain.Is(ProjectDomain));

    public override string ToString() =>
        $"{File} [{Section}] user {User} (domain {UserDomain}) on project {Project} (domain {ProjectDomain})";
}
