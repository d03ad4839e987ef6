using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Vip;

/// <summary>Brings the node back online in Pacemaker after its minor update.</summary>
public sealed record NodeUnstandbyStep
{
    public const string Name = "node-unstandby";

    public static StepKind Kind { get; } = new(Name);

    /// <summary>crm node online.</summary>
    public static IStepHandler Handler { get; } = new ShellStepHandler((_, node) => Pacemaker.Online(node));
}
