using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Refreshes the node's package lists.</summary>
public sealed record AptUpdateStep
{
    public const string Name = "apt-update";

    public static StepKind Kind { get; } = new(Name);

    /// <summary>apt-get update, checked.</summary>
    public static IStepHandler Handler { get; } = new ShellStepHandler((_, _) => Apt.Update);
}
