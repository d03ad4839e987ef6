using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Proves the backup restorable: loads it into a scratch MariaDB and compares row counts.</summary>
public sealed record DatabaseBackupVerifyStep
{
    public const string Name = "database-backup-verify";

    public static StepKind Kind { get; } = new(Name);
}
