using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>
/// Refuses to go on with a compute that must be emptied (its hypervisor stack moves, or the operator asked every compute
/// emptied) while it still runs instances. The plan leaves this step out with --allow-instances, and on a compute
/// upgraded in place.
/// </summary>
public sealed class ComputeCheckEmptyHandler(ComputeCloud cloud) : IStepHandler
{
    private const int Named = 5;

    public IReadOnlyList<string> Describe(PlanStep step) =>
        [$"nova: check that no instance runs on {ComputeCheckEmptyStep.Read(step).Service.Host}"];

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var (service, why) = ComputeCheckEmptyStep.Read(context.Step);
        var host = service.Host;
        var servers = await cloud.CallAsync(context, $"list the instances on {host}",
            (_, compute, abort) => compute.ServersOnHostAsync(host, abort)).ConfigureAwait(false);
        if (servers.Count > 0)
        {
            var names = string.Join(", ", servers.Take(Named).Select(s => s.Name ?? s.Id)) + (servers.Count > Named ? ", …" : "");
            throw new StepFailedException(
                $"{host} still runs {servers.Count} instance(s) ({names}) and must be emptied first" + (why is null ? "" : $" ({why})") +
                ": move them away (plan with --live-migrate) " +
                "or accept the risk with --allow-instances; the compute stays disabled");
        }
        context.Report($"no instance on {host}");
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;
}
