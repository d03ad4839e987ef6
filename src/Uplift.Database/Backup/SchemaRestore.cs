namespace Uplift.Database;

/// <summary>
/// Loads one schema back from a backup, replacing its tables (mysqldump --databases drops and recreates each).
/// The dump's sha256, gzip integrity and trailer are checked first, so a damaged file never half-overwrites a schema.
/// Asking the operator for confirmation is the caller's job.
/// </summary>
public sealed class SchemaRestore(DatabaseNode server, Action<string>? report = null)
{
    /// <exception cref="BackupException">The schema is not in the backup, its file is damaged, or mysql failed.</exception>
    public async Task RestoreAsync(BackupManifest manifest, string schema, string directory, CancellationToken cancellationToken = default)
    {
        var dump = manifest.Find(schema)
            ?? throw new BackupException(
                $"schema {schema} is not in backup {manifest.RunId}; it holds {string.Join(", ", manifest.Schemas.Select(s => s.Schema))}");
        var file = Path.Combine(directory, dump.File);
        await DumpVerification.CheckFileAsync(server, dump, file, cancellationToken);
        var load = await server.TryRunAsync(server.Commands.Restore(file), null, cancellationToken);
        if (!load.Succeeded)
        {
            throw new BackupException(
                $"restoring schema {schema} from {file} on {server.Name} failed: {DatabaseNode.Describe(load)}; the schema may be partly restored, run the restore again");
        }
        report?.Invoke($"{schema}: restored from {file} ({dump.TotalRows} rows at backup time)");
    }
}
