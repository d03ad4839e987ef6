using System.Globalization;
using Uplift.Catalog;
using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.MessageQueue;

/// <summary>
/// Waits until RabbitMQ's queues, but those the step leaves out (notification queues), hold at most "max-messages"
/// messages in all (asked on "rabbitmq-node"), so a neutron agent restart does not land on a flooded bus; fails after
/// "timeout" seconds (default 600).
/// </summary>
public sealed class QueueGateHandler : IStepHandler
{
    /// <summary>Every queue of the default vhost, as "name&lt;TAB&gt;messages" lines (Samples/rabbitmqctl).</summary>
    public const string ListQueues = "rabbitmqctl -q list_queues --no-table-headers name messages";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Describe(PlanStep step)
    {
        var gate = QueueGateStep.Read(step);
        var leftOut = gate.LeftOut.Count > 0 ? $" of the queues but {string.Join(' ', gate.LeftOut)}" : "";
        return [$"{ListQueues}   # on {gate.RabbitmqNode}, until the sum{leftOut} is at most {gate.MaxMessages}"];
    }

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var gate = QueueGateStep.Read(context.Step);
        var timeout = TimeSpan.FromSeconds(gate.TimeoutSeconds);
        var until = context.Time.GetUtcNow() + timeout;
        while (true)
        {
            var messages = Messages((await context.RunCheckedAsync(gate.RabbitmqNode, ListQueues).ConfigureAwait(false)).StandardOutput, gate.LeftOut);
            if (messages <= gate.MaxMessages)
            {
                context.Report($"{messages} messages queued on {gate.RabbitmqNode}");
                return;
            }
            if (context.Time.GetUtcNow() >= until)
            {
                throw new StepFailedException(
                    $"RabbitMQ on {gate.RabbitmqNode} still holds {messages} messages after {timeout.TotalSeconds:0} s (at most {gate.MaxMessages} wanted); " +
                    "check the consumers before restarting more agents");
            }
            await Task.Delay(Interval, context.Time, context.Abort).ConfigureAwait(false);
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;

    /// <summary>The sum of the counts of the queues that count; lines that are not "name&lt;TAB&gt;count" (notices) are not counted.</summary>
    public static long Messages(string output, IReadOnlyList<string> leaveOut) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .Where(f => f.Length == 2 && QueueGateSettings.Counts(f[0], leaveOut))
            .Sum(f => long.TryParse(f[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
}
