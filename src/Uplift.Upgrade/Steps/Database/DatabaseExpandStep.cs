using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The schema's expand phase (new columns and tables; old code keeps working).</summary>
public sealed record DatabaseExpandStep
{
    public const string Name = "database-expand";

    public static StepKind Kind { get; } = new(Name);
}
