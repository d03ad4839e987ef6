using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>
/// Disables a compute's nova service with the run's reason, so the scheduler stops placing instances there before the
/// node is touched. Already disabled by Uplift: done. Disabled by the operator: left as it is, with their reason (and
/// the enable step will leave it disabled too).
/// </summary>
public sealed class ComputeDisableHandler(ComputeCloud cloud) : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step) =>
        [Describe(ComputeDisableStep.Read(step))];

    private static string Describe(ComputeDisableStep disable) =>
        $"nova: disable {disable.Service} (reason: {disable.Reason})";

    public async Task<bool> IsDoneAsync(StepContext context)
    {
        var service = await cloud.ServiceAsync(context).ConfigureAwait(false);
        if (service.Status != ServiceStatus.Disabled)
        {
            return false;
        }
        context.Report(ComputeCloud.DisabledByUplift(service)
            ? $"{service.Binary} on {service.Host} is already disabled ({service.DisabledReason})"
            : $"{service.Binary} on {service.Host} was disabled by someone else ({service.DisabledReason ?? "no reason given"}): left so, and not enabled by this run");
        return true;
    }

    public async Task ActAsync(StepContext context)
    {
        var reason = ComputeDisableStep.Read(context.Step).Reason;
        var service = await cloud.ServiceAsync(context).ConfigureAwait(false);
        await cloud.CallAsync(context, $"disable {service.Binary} on {service.Host}",
            (_, compute, abort) => compute.DisableAsync(service, reason, abort)).ConfigureAwait(false);
        context.Report($"{service.Binary} on {service.Host} disabled: {reason}");
    }

    public async Task VerifyAsync(StepContext context)
    {
        var service = await cloud.ServiceAsync(context).ConfigureAwait(false);
        if (service.Status != ServiceStatus.Disabled)
        {
            throw new StepFailedException($"nova still reports {service.Binary} on {service.Host} as {service.Status} after disabling it; check nova-api's log");
        }
    }
}
