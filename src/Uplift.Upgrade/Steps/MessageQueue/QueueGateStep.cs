using Uplift.Planning;

namespace Uplift.Upgrade.Steps.MessageQueue;

/// <summary>Waits until RabbitMQ's queues are drained below a threshold (neutron agent pacing).</summary>
public sealed record QueueGateStep
{
    public const string Name = "queue-gate";

    public static StepKind Kind { get; } = new(Name);
}
