using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>
/// Enables a compute's nova service again: cleanup that runs even after a failure. A service that is down is left
/// disabled (the scheduler must not send instances to a compute that did not come back), and so is one the operator
/// disabled with their own reason.
/// </summary>
public sealed class ComputeEnableHandler(ComputeCloud cloud) : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step) =>
        [$"nova: enable {ComputeEnableStep.Read(step).Service} (only if it is up)"];

    public async Task<bool> IsDoneAsync(StepContext context)
    {
        var service = await cloud.ServiceAsync(context).ConfigureAwait(false);
        if (service.Status == ServiceStatus.Disabled && !ComputeCloud.DisabledByUplift(service))
        {
            context.Report($"{service.Binary} on {service.Host} stays disabled: the operator's reason ({service.DisabledReason ?? "none given"})");
            return true;
        }
        return service.Status == ServiceStatus.Enabled;
    }

    public async Task ActAsync(StepContext context)
    {
        var service = await cloud.ServiceAsync(context).ConfigureAwait(false);
        if (service.State != ServiceState.Up || service.ForcedDown == true)
        {
            throw new StepFailedException(
                $"{service.Binary} on {service.Host} is {(service.ForcedDown == true ? "forced down" : "down")}: it stays disabled so no instance lands there; " +
                $"bring it back, then `uplift resume` (or `openstack compute service set --enable {service.Host} {service.Binary}`)");
        }
        await cloud.CallAsync(context, $"enable {service.Binary} on {service.Host}",
            (_, compute, abort) => compute.EnableAsync(service, abort)).ConfigureAwait(false);
        context.Report($"{service.Binary} on {service.Host} enabled");
    }

    public async Task VerifyAsync(StepContext context)
    {
        var service = await cloud.ServiceAsync(context).ConfigureAwait(false);
        if (service.Status != ServiceStatus.Enabled)
        {
            throw new StepFailedException($"nova still reports {service.Binary} on {service.Host} as {service.Status} after enabling it; check nova-api's log");
        }
    }
}
