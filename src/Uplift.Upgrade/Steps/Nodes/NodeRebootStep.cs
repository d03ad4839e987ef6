using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Nodes;

/// <summary>Reboots the node when its packages need it (a kernel, /run/reboot-required) and waits until it is back with every unit started; a node that needs none is left alone.</summary>
public sealed record NodeRebootStep(int TimeoutSeconds = NodeRebootStep.DefaultTimeoutSeconds) : IStepArguments<NodeRebootStep>
{
    public const string Name = "node-reboot";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("timeout", TimeoutSeconds == DefaultTimeoutSeconds ? null : StepArguments.Number(TimeoutSeconds)));

    public static NodeRebootStep Read(PlanStep step) => new(new StepArguments(step).Number("timeout", DefaultTimeoutSeconds));

    /// <summary>How long a node may take to boot and start its units.</summary>
    public const int DefaultTimeoutSeconds = 900;
}
