using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Proves the backup restorable: loads it into a scratch MariaDB and compares row counts.</summary>
public sealed record DatabaseBackupVerifyStep(BackupLocation Backup) : IStepArguments<DatabaseBackupVerifyStep>
{
    public const string Name = "database-backup-verify";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Backup.Pairs());

    public static DatabaseBackupVerifyStep Read(PlanStep step) => new(BackupLocation.Read(step));
}
