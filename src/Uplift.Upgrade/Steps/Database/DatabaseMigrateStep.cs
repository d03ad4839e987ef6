using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The schema's data migration phase.</summary>
public sealed record DatabaseMigrateStep
{
    public const string Name = "database-migrate";

    public static StepKind Kind { get; } = new(Name);
}
