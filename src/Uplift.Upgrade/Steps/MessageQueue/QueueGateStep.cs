using System.Globalization;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.MessageQueue;

/// <summary>Waits until RabbitMQ's queues are drained below a threshold (neutron agent pacing).</summary>
/// <param name="RabbitmqNode">Where rabbitmqctl lists the queues.</param>
/// <param name="MaxMessages">The sum of messages at or below which the gate opens.</param>
public sealed record QueueGateStep(string RabbitmqNode, long MaxMessages, int TimeoutSeconds = QueueGateStep.DefaultTimeoutSeconds) : IStepArguments<QueueGateStep>
{
    public const string Name = "queue-gate";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("rabbitmq-node", RabbitmqNode), ("max-messages", MaxMessages.ToString(CultureInfo.InvariantCulture)), ("timeout", TimeoutSeconds == DefaultTimeoutSeconds ? null : StepArguments.Number(TimeoutSeconds)));

    public static QueueGateStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        var most = arguments.Required("max-messages");
        return new(arguments.Required("rabbitmq-node"),
            long.TryParse(most, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count : throw new PlanStepException($"step {step.Id} ({step.Kind}): max-messages '{most}' is not a count: the plan is wrong, re-plan"),
            arguments.Number("timeout", DefaultTimeoutSeconds));
    }

    public const int DefaultTimeoutSeconds = 600;
}
