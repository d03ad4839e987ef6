using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.MessageQueue;

/// <summary>
/// Waits until RabbitMQ's queues hold at most "max-messages" messages in all (asked on "rabbitmq-node"), so a neutron
/// agent restart does not land on a flooded bus; fails after "timeout" seconds (default 600).
/// </summary>
public sealed class QueueGateHandler : IStepHandler
{
    public const string ListQueues = "rabbitmqctl -q list_queues --no-table-headers messages";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Describe(PlanStep step) =>
        [$"{ListQueues}   # on {QueueGateStep.Read(step).RabbitmqNode}, until the sum is at most {QueueGateStep.Read(step).MaxMessages}"];

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var (node, most, seconds) = QueueGateStep.Read(context.Step);
        var timeout = TimeSpan.FromSeconds(seconds);
        var until = context.Time.GetUtcNow() + timeout;
        while (true)
        {
            var messages = Messages((await context.RunCheckedAsync(node, ListQueues).ConfigureAwait(false)).StandardOutput);
            if (messages <= most)
            {
                context.Report($"{messages} messages queued on {node}");
                return;
            }
            if (context.Time.GetUtcNow() >= until)
            {
                throw new StepFailedException(
                    $"RabbitMQ on {node} still holds {messages} messages after {timeout.TotalSeconds:0} s (at most {most} wanted); check the consumers before restarting more agents");
            }
            await Task.Delay(Interval, context.Time, context.Abort).ConfigureAwait(false);
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;

    /// <summary>The sum of the per-queue counts; lines that are not a number (headers, notices) are not counted.</summary>
    public static long Messages(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Sum(line => long.TryParse(line, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0);
}
