using Uplift.Database;
using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>
/// The plan's backup steps: dump every OpenStack schema on the database node and copy the dumps here, then prove them
/// restorable. The backup is named by the plan ("backup-id"), so a resumed run finds it and does not take it again;
/// every DB step of the plan needs the verify step, so none starts without a verified backup of this plan.
/// </summary>
/// <param name="localRoot">Where backups are kept on the operator's machine (state directory/backups/cluster).</param>
public sealed class BackupStepHandler(string localRoot) : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step)
    {
        var commands = new DatabaseCommandLines(Location(step).CredentialsFile);
        var directory = Location(step).NodeDirectory;
        return step.Kind == DatabaseBackupStep.Kind
            ? [$"{commands.Dump("SCHEMA", $"{directory}/SCHEMA.sql.gz")}   # each OpenStack schema, then sha256 and a copy to {LocalDirectory(step)}"]
            : [$"restore each dump of {directory} into a scratch schema uplift_verify_SCHEMA and compare tables and row counts"];
    }

    public async Task<bool> IsDoneAsync(StepContext context)
    {
        var manifest = await ManifestAsync(context.Step).ConfigureAwait(false);
        return context.Step.Kind == DatabaseBackupStep.Kind ? manifest is not null : manifest?.Verified == true;
    }

    public async Task ActAsync(StepContext context)
    {
        var step = context.Step;
        var node = DatabaseNodeOf(context);
        var backup = new DatabaseBackup(node, new ShellFetch(node), context.Time, context.Report);
        try
        {
            if (step.Kind == DatabaseBackupStep.Kind)
            {
                var manifest = await backup.TakeAsync(new BackupOptions(Location(step).BackupId, Location(step).NodeDirectory, LocalDirectory(step)), context.Abort)
                    .ConfigureAwait(false);
                context.Report($"backup {manifest.RunId}: {manifest.Schemas.Count} schemas, {manifest.TotalBytes / 1e6:0.0} MB, in {LocalDirectory(step)}");
                return;
            }
            var taken = await ManifestAsync(step).ConfigureAwait(false) ?? throw new StepFailedException(
                $"no backup manifest in {LocalDirectory(step)}: the backup step did not complete; run it again (uplift resume)");
            var verified = await new DumpVerification(node, context.Time, context.Report).VerifyAsync(taken, Location(step).NodeDirectory, context.Abort)
                .ConfigureAwait(false);
            await backup.SaveAsync(verified, LocalDirectory(step), context.Abort).ConfigureAwait(false);
            context.Report($"backup {verified.RunId} verified: every schema restored into a scratch schema and matched");
        }
        catch (BackupException error)
        {
            throw new StepFailedException(error.Message);
        }
    }

    public async Task VerifyAsync(StepContext context)
    {
        if (!await IsDoneAsync(context).ConfigureAwait(false))
        {
            throw new StepFailedException($"the backup manifest in {LocalDirectory(context.Step)} does not record this step's work");
        }
    }

    private static DatabaseNode DatabaseNodeOf(StepContext context) =>
        new(context.ShellFor(context.Nodes[0]), new DatabaseCommandLines(Location(context.Step).CredentialsFile));

    /// <summary>The backup of a dump or verify step.</summary>
    private static BackupLocation Location(PlanStep step) =>
        step.Kind == DatabaseBackupStep.Kind ? DatabaseBackupStep.Read(step).Backup : DatabaseBackupVerifyStep.Read(step).Backup;

    private string LocalDirectory(PlanStep step) => Path.Combine(localRoot, Location(step).BackupId);

    private Task<BackupManifest?> ManifestAsync(PlanStep step) => ManifestAsync(LocalDirectory(step));

    /// <summary>The manifest of the backup kept in <paramref name="directory"/>; null when there is none.</summary>
    internal static async Task<BackupManifest?> ManifestAsync(string directory)
    {
        var path = Path.Combine(directory, BackupManifestFile.FileName);
        return File.Exists(path) ? await BackupManifestFile.ReadAsync(path).ConfigureAwait(false) : null;
    }
}
