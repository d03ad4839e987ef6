using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Nodes;

/// <summary>Reboots the node when its packages need it (a kernel, /run/reboot-required) and waits until it is back
/// with every unit started; a node that needs none is left alone.</summary>
public sealed record NodeRebootStep
{
    public const string Name = "node-reboot";

    public static StepKind Kind { get; } = new(Name);
}
