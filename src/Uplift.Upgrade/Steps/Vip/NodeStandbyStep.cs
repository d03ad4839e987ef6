using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Vip;

/// <summary>Puts the node in Pacemaker standby (its resources, the VIP among them, move away) before a minor
/// update.</summary>
public sealed record NodeStandbyStep
{
    public const string Name = "node-standby";

    public static StepKind Kind { get; } = new(Name);

    /// <summary>crm node standby.</summary>
    public static IStepHandler Handler { get; } = new ShellStepHandler((_, node) => Pacemaker.Standby(node));
}
