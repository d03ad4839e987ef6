using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// Takes a backup on the database node: one gzip'd mysqldump per OpenStack schema, its sha256 and size, row counts
/// around the dump, and a manifest; then copies dumps and manifest to the operator's machine and checks the copies'
/// sha256 against the node's.
/// </summary>
public sealed class DatabaseBackup(DatabaseNode node, IBackupFetch fetch, TimeProvider clock, Action<string>? report = null)
{
    public async Task<BackupManifest> TakeAsync(BackupOptions options, CancellationToken cancellationToken = default)
    {
        if (!BackupOptions.IsValidRunId(options.RunId))
        {
            throw new ArgumentException($"run id '{options.RunId}' may only hold letters, digits, '-', '_' and '.'", nameof(options));
        }
        var version = DatabaseOutput.ServerVersion(await node.QueryAsync(DatabaseQueries.ServerVersion, "reading the server version", cancellationToken));
        var present = DatabaseOutput.Databases(await node.QueryAsync(DatabaseQueries.ShowDatabases, "listing databases", cancellationToken));
        IReadOnlyList<string> schemas;
        try
        {
            schemas = OpenStackSchemas.Select(present, options.Schemas, options.ExtraSchemas);
        }
        catch (ArgumentException e)
        {
            throw new BackupException($"on {node.Name}: {e.Message}");
        }
        if (schemas.Count == 0)
        {
            throw new BackupException(
                $"no OpenStack schema found on {node.Name} (databases present: {string.Join(", ", present)}); name them with --schemas");
        }
        var tables = DatabaseOutput.Tables(await node.QueryAsync(DatabaseQueries.Tables(schemas), "listing tables", cancellationToken));
        await node.RunAsync(DatabaseCommandLines.MakeDirectory(options.NodeDirectory), $"creating {options.NodeDirectory}", null, cancellationToken);
        Directory.CreateDirectory(options.LocalDirectory);

        var takenAt = clock.GetUtcNow();
        var dumps = new List<SchemaDump>();
        foreach (var schema in schemas)
        {
            dumps.Add(await DumpAsync(schema, tables.GetValueOrDefault(schema) ?? [], options, cancellationToken));
        }
        var manifest = new BackupManifest(options.RunId, node.Name, options.NodeDirectory, version, takenAt, dumps);
        await SaveAsync(manifest, options.LocalDirectory, cancellationToken);
        return manifest;
    }

    /// <summary>Writes the manifest on the node (beside the dumps) and in <paramref name="localDirectory"/>.</summary>
    public async Task SaveAsync(BackupManifest manifest, string localDirectory, CancellationToken cancellationToken = default)
    {
        var nodeFile = Path.Combine(manifest.NodeDirectory, BackupManifestFile.FileName);
        await node.RunAsync($"cat > {ShellWords.Quote(nodeFile)}", $"writing {nodeFile}", BackupManifestFile.ToJson(manifest), cancellationToken);
        await BackupManifestFile.WriteAsync(manifest, localDirectory, cancellationToken);
    }

    private async Task<SchemaDump> DumpAsync(string schema, IReadOnlyList<string> tables, BackupOptions options, CancellationToken cancellationToken)
    {
        var fileName = BackupOptions.DumpFileName(schema);
        var nodeFile = Path.Combine(options.NodeDirectory, fileName);
        var counts = DatabaseQueries.RowCounts(schema, tables);
        var before = DatabaseOutput.RowCounts(await node.QueryAsync(counts, $"counting rows of {schema}", cancellationToken));
        await node.RunAsync(node.Commands.Dump(schema, nodeFile), $"dumping {schema} to {nodeFile}", null, cancellationToken);
        var after = DatabaseOutput.RowCounts(await node.QueryAsync(counts, $"counting rows of {schema}", cancellationToken));
        var sha256 = await Sha256Async(node, nodeFile, cancellationToken);
        var bytes = long.Parse((await node.RunAsync(DatabaseCommandLines.Size(nodeFile), $"sizing {nodeFile}", null, cancellationToken)).StandardOutput.Trim());

        var localFile = Path.Combine(options.LocalDirectory, fileName);
        await fetch.FetchAsync(nodeFile, localFile, bytes, cancellationToken);
        var copied = await LocalSha256Async(localFile, cancellationToken);
        if (copied != sha256)
        {
            throw new BackupException($"copy of {nodeFile} from {node.Name} to {localFile} differs (sha256 {copied}, node has {sha256}); run the backup again");
        }
        var rows = tables.Select(t => new TableRows(t, before.GetValueOrDefault(t), after.GetValueOrDefault(t))).ToList();
        report?.Invoke($"{schema}: {tables.Count} tables, {rows.Sum(r => r.Rows)} rows, {bytes} bytes → {fileName} (sha256 {sha256[..12]}…)");
        return new SchemaDump(schema, fileName, bytes, sha256, rows);
    }

    /// <summary>sha256sum of a file on a node, as lower-case hex.</summary>
    internal static async Task<string> Sha256Async(DatabaseNode on, string file, CancellationToken cancellationToken)
    {
        var output = (await on.RunAsync(DatabaseCommandLines.Sha256(file), $"checksumming {file}", null, cancellationToken)).StandardOutput;
        var hex = output.Split(' ', 2)[0].Trim();
        return hex.Length == 64 ? hex.ToLowerInvariant() : throw new BackupException($"sha256sum {file} on {on.Name} printed '{output.Trim()}'");
    }

    private static async Task<string> LocalSha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken));
    }
}
