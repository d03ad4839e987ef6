using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>
/// Pre-flight and post-check over the service lists: every nova service, and the neutron agents and cinder services
/// when those services are in the plan, up and not forced down (<see cref="ServiceHealth"/>). Services the operator
/// disabled are reported, not failed.
/// </summary>
public sealed class ServicesUpHandler(ComputeCloud cloud) : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step)
    {
        var lists = Lists(step);
        return [$"openstack: {string.Join(", ", lists)} all up, none forced down"];
    }

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var services = Services(context.Step);
        var nova = await cloud.CallAsync(context, "list the nova services",
            (_, compute, abort) => compute.ServicesAsync(cancellation: abort)).ConfigureAwait(false);
        var neutron = services.Contains("neutron")
            ? await cloud.CallAsync(context, "list the neutron agents", (session, _, abort) => new NetworkClient(session).AgentsAsync(cancellation: abort)).ConfigureAwait(false)
            : null;
        var cinder = services.Contains("cinder")
            ? await cloud.CallAsync(context, "list the cinder services", (session, _, abort) => new BlockStorageClient(session).ServicesAsync(cancellation: abort)).ConfigureAwait(false)
            : null;
        foreach (var disabled in ServiceHealth.Disabled(nova, cinder))
        {
            context.Report(disabled);
        }
        var problems = ServiceHealth.Problems(nova, neutron, cinder);
        if (problems.Count > 0)
        {
            throw new StepFailedException($"{problems.Count} service(s) not healthy: {string.Join("; ", problems)}");
        }
        context.Report($"{nova.Count} nova services{(neutron is null ? "" : $", {neutron.Count} neutron agents")}" +
            $"{(cinder is null ? "" : $", {cinder.Count} cinder services")} up");
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;

    private static HashSet<string> Services(PlanStep step) =>
        CheckServicesUpStep.Read(step).Services.ToHashSet(StringComparer.Ordinal);

    private static List<string> Lists(PlanStep step)
    {
        var services = Services(step);
        return new[] { ("nova", "nova services"), ("neutron", "neutron agents"), ("cinder", "cinder services") }
            .Where(l => l.Item1 == "nova" || services.Contains(l.Item1)).Select(l => l.Item2).ToList();
    }
}
