using Uplift.Planning;

namespace Uplift.Upgrade.Steps.MessageQueue;

/// <summary>After RabbitMQ's package on a node: the node is up again and every member of its cluster runs, without alarm or partition (rabbitmqctl await_startup, cluster_status), before the next node is touched.</summary>
public sealed record RabbitmqHealthStep(int TimeoutSeconds = RabbitmqHealthStep.DefaultTimeoutSeconds) : IStepArguments<RabbitmqHealthStep>
{
    public const string Name = "rabbitmq-health";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("timeout", TimeoutSeconds == DefaultTimeoutSeconds ? null : StepArguments.Number(TimeoutSeconds)));

    public static RabbitmqHealthStep Read(PlanStep step) => new(new StepArguments(step).Number("timeout", DefaultTimeoutSeconds));

    public const int DefaultTimeoutSeconds = 600;
}
