using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>
/// Moves every instance off a (disabled) compute by live migration, the scheduler choosing each destination, at most
/// <see cref="ComputeCloud.MigrationsPerHost"/> at once and within the cluster's <see cref="ComputeCloud.MigrationBudget"/>,
/// and waits for each to settle. Any instance that did not
/// move fails the step with its own reason; nothing on the host: done.
/// </summary>
public sealed class ComputeMigrateHandler(ComputeCloud cloud, LiveMigrationOptions? options = null) : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step) =>
        [$"nova: live-migrate every instance off {ComputeMigrateInstancesStep.Read(step).Service.Host} (block migration {ComputeMigrateInstancesStep.Read(step).BlockMigration}), wait until each runs elsewhere"];

    public async Task<bool> IsDoneAsync(StepContext context)
    {
        var servers = await ServersAsync(context).ConfigureAwait(false);
        context.Remember("servers", servers);
        return servers.Count == 0;
    }

    public async Task ActAsync(StepContext context)
    {
        var host = ComputeMigrateInstancesStep.Read(context.Step).Service.Host;
        var servers = context.Fact<IReadOnlyList<Server>>("servers") ?? await ServersAsync(context).ConfigureAwait(false);
        context.Report($"moving {servers.Count} instance(s) off {host}, {cloud.MigrationsPerHost} at a time");
        var outcomes = await cloud.CallAsync(context, $"live-migrate the instances of {host}", (_, compute, abort) =>
            new LiveMigration(compute, context.Time, options).MoveAllAsync(servers, cloud.MigrationsPerHost, cloud.MigrationBudget, abort)).ConfigureAwait(false);
        var stuck = outcomes.Where(o => o.Result != LiveMigrationResult.Moved).ToList();
        foreach (var moved in outcomes.Where(o => o.Result == LiveMigrationResult.Moved))
        {
            context.Report($"instance {moved.ServerId} moved to {moved.CurrentHost}");
        }
        if (stuck.Count > 0)
        {
            throw new StepFailedException(
                $"{stuck.Count} of {outcomes.Count} instance(s) did not leave {host}: {string.Join("; ", stuck.Select(o => o.Detail))}; " +
                "move or stop them, then `uplift resume`");
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;

    private Task<IReadOnlyList<Server>> ServersAsync(StepContext context)
    {
        var host = ComputeMigrateInstancesStep.Read(context.Step).Service.Host;
        return cloud.CallAsync(context, $"list the instances on {host}", (_, compute, abort) => compute.ServersOnHostAsync(host, abort));
    }
}
