using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>Disables a compute's nova-compute service in the API, with the run as its reason.</summary>
public sealed record ComputeDisableStep
{
    public const string Name = "compute-disable";

    public static StepKind Kind { get; } = new(Name);
}
