using System.Globalization;
using Uplift.Catalog;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.MessageQueue;

/// <summary>Waits until RabbitMQ's queues are drained below a threshold (neutron agent pacing).</summary>
/// <param name="RabbitmqNode">Where rabbitmqctl lists the queues.</param>
/// <param name="MaxMessages">The sum of messages at or below which the gate opens.</param>
/// <param name="LeaveOut">Queues not counted (catalog queue-gate 'leave-out': names, or prefixes ending in '*').</param>
public sealed record QueueGateStep(string RabbitmqNode, long MaxMessages, int TimeoutSeconds = QueueGateStep.DefaultTimeoutSeconds, IReadOnlyList<string>? LeaveOut = null)
    : IStepArguments<QueueGateStep>
{
    public const string Name = "queue-gate";

    public static StepKind Kind { get; } = new(Name);

    /// <summary>The gate the catalog sets, asked on <paramref name="rabbitmqNode"/>.</summary>
    public static QueueGateStep For(string rabbitmqNode, QueueGateSettings gate) =>
        new(rabbitmqNode, gate.MaxMessages, gate.TimeoutSeconds, gate.LeaveOut);

    public IReadOnlyList<string> LeftOut => LeaveOut ?? [];

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("rabbitmq-node", RabbitmqNode),
        ("max-messages", MaxMessages.ToString(CultureInfo.InvariantCulture)),
        ("timeout", TimeoutSeconds == DefaultTimeoutSeconds ? null : StepArguments.Number(TimeoutSeconds)),
        ("leave-out", LeftOut.Count > 0 ? StepArguments.Words(LeftOut) : null));

    public static QueueGateStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        var most = arguments.Required("max-messages");
        return new(arguments.Required("rabbitmq-node"),
            long.TryParse(most, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count : throw new PlanStepException($"step {step.Id} ({step.Kind}): max-messages '{most}' is not a count: the plan is wrong, re-plan"),
            arguments.Number("timeout", DefaultTimeoutSeconds),
            arguments.Optional("leave-out") is { Length: > 0 } ? arguments.ListedWords("leave-out") : null);
    }

    public const int DefaultTimeoutSeconds = 600;
}
