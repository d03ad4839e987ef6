using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>Waits until the compute's nova-compute reports up on the new release.</summary>
public sealed record ComputeWaitUpStep
{
    public const string Name = "compute-wait-up";

    public static StepKind Kind { get; } = new(Name);
}
