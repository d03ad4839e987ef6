using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>Live-migrates every instance off a compute.</summary>
public sealed record ComputeMigrateInstancesStep
{
    public const string Name = "compute-migrate-instances";

    public static StepKind Kind { get; } = new(Name);
}
