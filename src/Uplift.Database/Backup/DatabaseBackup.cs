using Uplift.Files;
using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// Takes a backup on the database node: one gzip'd mysqldump per OpenStack schema, its sha256 and size, row counts
/// around the dump, and a manifest; then copies dumps and manifest to the operator's machine and checks the copies'
/// sha256 against the node's. Round trips: the server version and databases, then the tables (and the backup
/// directory), then one per schema (counts, dump, counts, sha256, size, first chunk of the copy), then any further
/// chunks of the copy, then the manifest.
/// </summary>
public sealed class DatabaseBackup(DatabaseNode node, IBackupFetch fetch, TimeProvider clock, Action<string>? report = null)
{
    public async Task<BackupManifest> TakeAsync(BackupOptions options, CancellationToken cancellationToken = default)
    {
        if (!BackupOptions.IsValidRunId(options.RunId))
        {
            throw new ArgumentException($"run id '{options.RunId}' may only hold letters, digits, '-', '_' and '.'", nameof(options));
        }
        var facts = await node.QueryAsync(
            [(DatabaseQueries.ServerVersion, "reading the server version"), (DatabaseQueries.ShowDatabases, "listing databases")], cancellationToken);
        var version = DatabaseOutput.ServerVersion(facts[0]);
        var present = DatabaseOutput.Databases(facts[1]);
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
        var listed = await node.RunAsync(
            [
                (node.Commands.Query(DatabaseQueries.Tables(schemas)), "listing tables"),
                (DatabaseCommandLines.MakeDirectory(options.NodeDirectory), $"creating {options.NodeDirectory}"),
            ],
            cancellationToken);
        var tables = DatabaseOutput.Tables(listed[0].StandardOutput);
        PrivateFile.CreateDirectory(options.LocalDirectory);

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
        var counts = node.Commands.Query(DatabaseQueries.RowCounts(schema));
        // One round trip: each command runs only if the one before succeeded, and a failure is reported as its own.
        List<(string, string)> steps =
        [
            (counts, $"counting rows of {schema}"),
            (node.Commands.Dump(schema, nodeFile), $"dumping {schema} to {nodeFile}"),
            (counts, $"counting rows of {schema}"),
            (DatabaseCommandLines.Sha256(nodeFile), $"checksumming {nodeFile}"),
            (DatabaseCommandLines.Size(nodeFile), $"sizing {nodeFile}"),
        ];
        var firstPart = fetch.FirstPart(nodeFile);
        if (firstPart is not null)
        {
            steps.Add((firstPart, ShellFetch.Doing(nodeFile)));
        }
        var results = await node.RunAsync(steps, cancellationToken);
        var before = Counted(schema, tables, "before", results[0].StandardOutput);
        var after = Counted(schema, tables, "after", results[2].StandardOutput);
        var sha256 = Sha256Of(nodeFile, results[3].StandardOutput);
        var bytes = long.Parse(results[4].StandardOutput.Trim());

        var localFile = Path.Combine(options.LocalDirectory, fileName);
        await fetch.FetchAsync(nodeFile, localFile, bytes, firstPart is null ? null : results[^1].StandardOutput, cancellationToken);
        var copied = await LocalSha256Async(localFile, cancellationToken);
        if (copied != sha256)
        {
            throw new BackupException($"copy of {nodeFile} from {node.Name} to {localFile} differs (sha256 {copied}, node has {sha256}); run the backup again");
        }
        var rows = tables.Select(t => new TableRows(t, before.GetValueOrDefault(t), after.GetValueOrDefault(t))).ToList();
        report?.Invoke($"{schema}: {tables.Count} tables, {rows.Sum(r => r.Rows)} rows, {bytes} bytes → {fileName} (sha256 {sha256[..12]}…)");
        return new SchemaDump(schema, fileName, bytes, sha256, rows);
    }

    /// <summary>
    /// Row counts by table; the tables counted must be those listed before the dumps (a table created or dropped in
    /// between would make the manifest disagree with the dump).
    /// </summary>
    private IReadOnlyDictionary<string, long> Counted(string schema, IReadOnlyList<string> tables, string when, string output)
    {
        var rows = DatabaseOutput.RowCounts(output);
        var appeared = rows.Keys.Except(tables).ToList();
        var vanished = tables.Except(rows.Keys).ToList();
        if (appeared.Count + vanished.Count > 0)
        {
            throw new BackupException(
                $"tables of {schema} on {node.Name} changed during the backup (counted {when} the dump against those listed at its start, "
                + $"new: {string.Join(", ", appeared.DefaultIfEmpty("none"))}; gone: {string.Join(", ", vanished.DefaultIfEmpty("none"))}); "
                + "run the backup again when no schema change is running");
        }
        return rows;
    }

    /// <summary>sha256sum's output for a file on the node, as lower-case hex.</summary>
    private string Sha256Of(string file, string output)
    {
        var hex = output.Split(' ', 2)[0].Trim();
        return hex.Length == 64 ? hex.ToLowerInvariant() : throw new BackupException($"sha256sum {file} on {node.Name} printed '{output.Trim()}'");
    }

    private static async Task<string> LocalSha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken));
    }
}
