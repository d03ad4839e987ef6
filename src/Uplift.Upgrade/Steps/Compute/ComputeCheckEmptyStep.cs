using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>The compute holds no instance (or the plan allows instances).</summary>
public sealed record ComputeCheckEmptyStep
{
    public const string Name = "compute-check-empty";

    public static StepKind Kind { get; } = new(Name);
}
