using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Nodes;

/// <summary>The node answers over SSH (read-only).</summary>
public sealed record CheckReachableStep
{
    public const string Name = "check-reachable";

    public static StepKind Kind { get; } = new(Name);

    /// <summary>`true` over SSH: the connection is the check.</summary>
    public static IStepHandler Handler { get; } = new ShellStepHandler((_, _) => "true");
}
