using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>Enables the compute's nova-compute service in the API again.</summary>
public sealed record ComputeEnableStep
{
    public const string Name = "compute-enable";

    public static StepKind Kind { get; } = new(Name);
}
