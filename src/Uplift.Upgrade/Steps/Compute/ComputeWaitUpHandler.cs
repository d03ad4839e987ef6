using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Timing;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>
/// Waits after the restart until nova reports the compute's service up from a heartbeat of the restarted process,
/// polling the service list on the run's clock. Nova calls a service up while its last heartbeat is recent
/// (service_down_time, 60 s by default), so "up" at the first look may be the old process's last report: the step ends
/// on "up" with a report newer than the one seen first (or on "up" after the first look saw it down). The second look
/// comes 0.25 s after the first, then less often (doubling) up to the interval. A compute that does not come back in time fails the step and
/// stays disabled.
/// </summary>
public sealed class ComputeWaitUpHandler(ComputeCloud cloud, TimeSpan? timeout = null, TimeSpan? interval = null) : IStepHandler
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FirstLook = TimeSpan.FromSeconds(0.25);
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Describe(PlanStep step) =>
        [$"nova: wait until {ComputeWaitUpStep.Read(step).Service} is up (at most {_timeout.TotalMinutes:0.#} min)"];

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var deadline = context.Time.GetUtcNow() + _timeout;
        NovaService? first = null;
        for (var look = 0; ; look++)
        {
            var service = await cloud.ServiceAsync(context).ConfigureAwait(false);
            first ??= service;
            var fresh = first.State != ServiceState.Up || service.UpdatedAt > first.UpdatedAt;
            if (service.State == ServiceState.Up && service.ForcedDown != true && fresh)
            {
                context.Report($"{service.Binary} on {service.Host} is up" +
                    (ComputeWaitUpStep.Read(context.Step).Release is { } release ? $" (expected on {release})" : ""));
                return;
            }
            if (context.Time.GetUtcNow() >= deadline)
            {
                throw new StepFailedException(
                    $"{service.Binary} on {service.Host} did not come back within {_timeout.TotalMinutes:0.#} min " +
                    $"(state {service.State.ToString().ToLowerInvariant()}{(service.ForcedDown == true ? ", forced down" : "")}, " +
                    $"last report {service.UpdatedAt?.ToString("u") ?? "never"}{(fresh ? "" : ", none since the restart")}); it stays disabled: look at its log on {service.Host}, then `uplift resume`");
            }
            await Task.Delay(PollBackoff.After(look, _interval, FirstLook), context.Time, context.Abort).ConfigureAwait(false);
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;
}
