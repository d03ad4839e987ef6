using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Dumps every OpenStack schema from the database node and copies the dump here.</summary>
public sealed record DatabaseBackupStep(BackupLocation Backup) : IStepArguments<DatabaseBackupStep>
{
    public const string Name = "database-backup";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Backup.Pairs());

    public static DatabaseBackupStep Read(PlanStep step) => new(BackupLocation.Read(step));
}
