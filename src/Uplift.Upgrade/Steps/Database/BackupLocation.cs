using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Where a run's database backup is taken and found again.</summary>
/// <param name="CredentialsFile">The database node's client settings file (inventory database.credentials_file).</param>
/// <param name="Directory">Where backups are kept on the database node (inventory database.backup_directory).</param>
/// <param name="BackupId">Names the backup: the plan's id, so a resumed run finds its backup and a new plan takes a new one.</param>
public sealed record BackupLocation(string CredentialsFile, string Directory, string BackupId)
{
    /// <summary>Where a plan without the directory keeps its backups on the node.</summary>
    public const string DefaultDirectory = "/var/backups/uplift";

    /// <summary>This backup's directory on the database node.</summary>
    public string NodeDirectory => $"{Directory}/{BackupId}";

    internal (string Key, string? Value)[] Pairs() => [("credentials-file", CredentialsFile), ("directory", Directory), ("backup-id", BackupId)];

    internal static BackupLocation Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("credentials-file"), arguments.Optional("directory") ?? DefaultDirectory,
            arguments.Optional("backup-id") is { Length: > 0 } id ? id : "plan");
    }
}
