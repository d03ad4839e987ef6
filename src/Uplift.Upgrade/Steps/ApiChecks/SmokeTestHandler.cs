using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Database;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>
/// The post-check smoke test through the APIs (step argument "checks"): "issue-token" authenticates afresh with
/// keystone, "list-servers" asks nova for one instance of any project. A step with a "command" runs that instead.
/// </summary>
public sealed class SmokeTestHandler(ComputeCloud cloud) : IStepHandler
{
    private static readonly IReadOnlyList<string> Known = PostCheckStep.DefaultChecks;
    private readonly CommandStepHandler _command = new();

    public IReadOnlyList<string> Describe(PlanStep step) =>
        step.Argument("command") is not null ? _command.Describe(step) : [$"openstack smoke test: {string.Join(", ", Checks(step))}"];

    public Task<bool> IsDoneAsync(StepContext context) =>
        context.Step.Argument("command") is not null ? _command.IsDoneAsync(context) : Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        if (context.Step.Argument("command") is not null)
        {
            await _command.ActAsync(context).ConfigureAwait(false);
            return;
        }
        var checks = Checks(context.Step);
        if (checks.FirstOrDefault(c => !Known.Contains(c)) is { } unknown)
        {
            throw new StepFailedException($"step {context.Step.Id}: unknown smoke check '{unknown}' (known: {string.Join(", ", Known)}): the plan is wrong, re-plan");
        }
        if (checks.Contains("issue-token"))
        {
            await cloud.CallAsync(context, "issue a token", async (_, _, abort) =>
            {
                // A fresh session: a cached token would not prove keystone issues new ones after the upgrade.
                using var fresh = cloud.Connect();
                return await fresh.TokenAsync(abort).ConfigureAwait(false);
            }).ConfigureAwait(false);
            context.Report("keystone issued a token");
        }
        if (checks.Contains("list-servers"))
        {
            await cloud.CallAsync(context, "list servers", (session, _, abort) =>
                session.SendAsync(OpenStackService.Compute, new ApiRequest(HttpMethod.Get, "/servers?all_tenants=1&limit=1"), abort)).ConfigureAwait(false);
            context.Report("nova listed servers");
        }
    }

    public Task VerifyAsync(StepContext context) =>
        context.Step.Argument("command") is not null ? _command.VerifyAsync(context) : Task.CompletedTask;

    private static IReadOnlyList<string> Checks(PlanStep step) => PostCheckStep.Read(step).Checks;
}
