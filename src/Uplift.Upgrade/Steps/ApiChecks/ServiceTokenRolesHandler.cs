using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>
/// Reads each config file's [service_user] on the step's node (one round trip) and asks keystone who holds the required
/// roles: a service user that holds none on its project fails the step, naming the user, the file and the command that
/// assigns the role. Read-only: nothing is changed on any node or in keystone.
/// </summary>
public sealed class ServiceTokenRolesHandler(ComputeCloud cloud) : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step)
    {
        var check = CheckServiceTokenRolesStep.Read(step);
        return [.. check.Files.Select(f => $"{f} [{ServiceUser.Section}] send_service_user_token, username, project_name"),
            $"openstack: each such user holds {string.Join(" or ", check.Roles)} on its project"];
    }

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var check = CheckServiceTokenRolesStep.Read(context.Step);
        var node = context.Nodes[0];
        var users = await ServiceUsersAsync(context, node, check.Files).ConfigureAwait(false);
        if (users.Count == 0)
        {
            context.Report($"{node}: no service sends service tokens ({string.Join(", ", check.Files)})");
            return;
        }
        var holders = new List<RoleAssignment>();
        foreach (var role in check.Roles)
        {
            holders.AddRange(await cloud.CallAsync(context, $"ask keystone who holds the role {role}",
                (session, _, abort) => new IdentityClient(session).HoldersOfAsync(role, abort)).ConfigureAwait(false));
        }
        var lacking = users.Where(u => !u.IsAmong(holders)).ToList();
        if (lacking.Count > 0)
        {
            var first = lacking[0];
            throw new StepFailedException(
                $"on {node}: {string.Join("; ", lacking)}: holds none of the roles {string.Join(", ", check.Roles)}, without which the target " +
                $"release's services reject its service tokens ({check.Note}). Assign it (nothing was changed by Uplift), e.g. " +
                $"openstack role add --user {first.User} --user-domain {first.UserDomain} --project {first.Project} " +
                $"--project-domain {first.ProjectDomain} {check.Roles[0]}, then resume");
        }
        context.Report($"{users.Count} service user(s) ({string.Join(", ", users.Select(u => u.User).Distinct())}) hold {string.Join(" or ", check.Roles)}");
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;

    private static async Task<List<ServiceUser>> ServiceUsersAsync(StepContext context, string node, IReadOnlyList<string> files)
    {
        var queries = files.Select(ServiceUser.Queries).ToList();
        var answers = await context.RunAllAsync(node, [.. queries.SelectMany(q => q)]).ConfigureAwait(false);
        var users = new List<ServiceUser>();
        var at = 0;
        foreach (var (file, asked) in files.Zip(queries))
        {
            try
            {
                if (ServiceUser.Read(file, [.. answers.Skip(at).Take(asked.Count)]) is { } user)
                {
                    users.Add(user);
                }
            }
            catch (FormatException bad)
            {
                throw new StepFailedException($"on {node}: {bad.Message}");
            }
            at += asked.Count;
        }
        return users;
    }
}
