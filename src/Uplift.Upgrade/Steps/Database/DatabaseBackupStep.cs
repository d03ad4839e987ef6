using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Dumps every OpenStack schema from the database node and copies the dump here.</summary>
public sealed record DatabaseBackupStep
{
    public const string Name = "database-backup";

    public static StepKind Kind { get; } = new(Name);
}
