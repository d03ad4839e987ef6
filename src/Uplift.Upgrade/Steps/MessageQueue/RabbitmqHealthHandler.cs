using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.MessageQueue;

/// <summary>
/// After RabbitMQ's package on a node: waits until the node's application runs again and its cluster is whole (every
/// member running, no alarm, no partition), polling every 5 s for up to "timeout" seconds (default 600); the next
/// controller is touched only then (rabbitmq.com/docs/rolling-upgrade: check the upgraded node and the cluster before
/// the next). A node without rabbitmqctl has nothing to wait for.
/// </summary>
public sealed class RabbitmqHealthHandler : IStepHandler
{
    public const string HasRabbitmq = "command -v rabbitmqctl >/dev/null";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Describe(PlanStep step) =>
        [$"{Rabbitmq.AwaitStartup}; {Rabbitmq.ClusterStatus}   # until every member runs, no alarm, no partition"];

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        foreach (var node in context.Nodes)
        {
            if ((await context.RunAsync(node, HasRabbitmq).ConfigureAwait(false)).ExitCode != 0)
            {
                context.Report($"{node}: no rabbitmqctl, no RabbitMQ to wait for");
                continue;
            }
            await WaitWholeAsync(context, node).ConfigureAwait(false);
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;

    private static async Task WaitWholeAsync(StepContext context, string node)
    {
        var timeout = TimeSpan.FromSeconds(RabbitmqHealthStep.Read(context.Step).TimeoutSeconds);
        var until = context.Time.GetUtcNow() + timeout;
        while (true)
        {
            var problem = await ProblemAsync(context, node).ConfigureAwait(false);
            if (problem is null)
            {
                return;
            }
            if (context.Time.GetUtcNow() >= until)
            {
                throw new StepFailedException(
                    $"RabbitMQ on {node} is not whole after {timeout.TotalSeconds:0} s: {problem}; bring it back (rabbitmqctl cluster_status) before the next node is touched, then resume");
            }
            await Task.Delay(Interval, context.Time, context.Abort).ConfigureAwait(false);
        }
    }

    /// <returns>null when the node runs and its cluster is whole (reported), else what is wrong.</returns>
    private static async Task<string?> ProblemAsync(StepContext context, string node)
    {
        var started = await context.RunAsync(node, Rabbitmq.AwaitStartup, TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        if (started.ExitCode != 0)
        {
            return $"{Rabbitmq.AwaitStartup} exited {started.ExitCode}: {FirstLine(started.StandardError + started.StandardOutput)}";
        }
        var status = await context.RunAsync(node, Rabbitmq.ClusterStatus).ConfigureAwait(false);
        if (status.ExitCode != 0)
        {
            return $"{Rabbitmq.ClusterStatus} exited {status.ExitCode}: {FirstLine(status.StandardError + status.StandardOutput)}";
        }
        var cluster = Rabbitmq.ParseClusterStatus(status.StandardOutput);
        if (!cluster.IsWhole)
        {
            return cluster.Describe();
        }
        context.Report($"{node}: RabbitMQ cluster whole, {cluster.Describe()}");
        return null;
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
