using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Nodes;

/// <summary>The node has the free space its packages need (read-only).</summary>
public sealed record CheckDiskSpaceStep
{
    public const string Name = "check-disk-space";

    public static StepKind Kind { get; } = new(Name);
}
