using Uplift.Database;
using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>
/// A rollback's schema: loaded back from the run's backup (the plan's "backup-id"), which must be verified, replacing its
/// tables (<see cref="SchemaRestore"/>: the dump's sha256 and gzip checked first). Never "already done": a restore is
/// what the operator asked for each time the step runs.
/// </summary>
/// <param name="localRoot">Where backups are kept on the operator's machine (state directory/backups/cluster).</param>
public sealed class RestoreStepHandler(string localRoot) : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step)
    {
        var restore = DatabaseRestoreStep.Read(step);
        var commands = new DatabaseCommandLines(restore.Backup.CredentialsFile);
        return [$"{commands.Restore($"{restore.Backup.NodeDirectory}/{restore.Schema}.sql.gz")}   # sha256 and gzip checked first"];
    }

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var (backup, schema) = DatabaseRestoreStep.Read(context.Step);
        var local = Path.Combine(localRoot, backup.BackupId);
        var manifest = await BackupStepHandler.ManifestAsync(local).ConfigureAwait(false) ?? throw new StepFailedException(
            $"no backup manifest in {local}: the run's backup is not here; restore {schema} by hand (docs/backup.md)");
        if (!manifest.Verified)
        {
            throw new StepFailedException($"backup {manifest.RunId} in {local} was never verified: not restored from; verify it first (uplift backup --verify)");
        }
        if (manifest.Find(schema) is null)
        {
            // The backup holds every OpenStack schema the server had: one it lacks did not exist then.
            context.Report($"{schema}: not in backup {manifest.RunId} (the server had no such schema when it was taken): nothing to restore");
            return;
        }
        var node = new DatabaseNode(context.ShellFor(context.Nodes[0]), new DatabaseCommandLines(backup.CredentialsFile));
        try
        {
            await new SchemaRestore(node, context.Report).RestoreAsync(manifest, schema, backup.NodeDirectory, context.Abort).ConfigureAwait(false);
        }
        catch (BackupException error)
        {
            throw new StepFailedException(error.Message);
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;
}
