namespace Uplift.Database;

/// <summary>
/// Proves a backup restorable: for each dump, checks its sha256 against the manifest, gzip's integrity and
/// mysqldump's trailer, loads it into a scratch schema (uplift_verify_SCHEMA), compares the tables and row counts
/// with the manifest, and drops the scratch schema again. Runs where the dump files are: on the database node
/// against its own server, or on this machine against a server the operator names.
/// </summary>
/// <param name="server">Where the files are and which server receives the scratch schemas.</param>
/// <param name="scratchServer">The server is a private one (<see cref="ScratchMariaDb"/>): load under the original
/// names, so definitions that name their schema load too.</param>
public sealed class DumpVerification(DatabaseNode server, TimeProvider clock, Action<string>? report = null, bool scratchServer = false)
{
    public const string ScratchPrefix = "uplift_verify_";

    public static string ScratchSchema(string schema) => ScratchPrefix + schema;

    private string TargetOf(string schema) => scratchServer ? schema : ScratchSchema(schema);

    /// <summary>
    /// Verifies every dump in <paramref name="directory"/>; returns the manifest marked verified.
    /// </summary>
    /// <exception cref="BackupException">The first dump that fails, naming its schema, file and the reason.</exception>
    public async Task<BackupManifest> VerifyAsync(BackupManifest manifest, string directory, CancellationToken cancellationToken = default)
    {
        foreach (var dump in manifest.Schemas)
        {
            await VerifyAsync(dump, Path.Combine(directory, dump.File), cancellationToken);
        }
        return manifest with { VerifiedAt = clock.GetUtcNow() };
    }

    public async Task VerifyAsync(SchemaDump dump, string file, CancellationToken cancellationToken = default)
    {
        var inspection = await CheckFileAsync(server, dump, file, cancellationToken);
        var scratch = TargetOf(dump.Schema);
        if (!scratchServer && inspection.QualifiedLines > 0)
        {
            // Loading such a dump under a scratch name would still create or change objects in the real schema.
            throw Failed(dump, file,
                $"{inspection.QualifiedLines} definition line(s) name the schema {dump.Schema} explicitly, so it cannot be loaded under the scratch name {scratch} "
                + "without touching the real schema: verify it on a scratch server instead (uplift backup --verify-on scratch)");
        }
        try
        {
            await Query(DatabaseQueries.DropSchema(scratch), $"dropping the scratch schema {scratch}", cancellationToken);
            var load = await server.TryRunAsync(server.Commands.LoadInto(file, dump.Schema, scratch), null, cancellationToken);
            if (!load.Succeeded)
            {
                throw Failed(dump, file, $"loading it into {scratch} failed: {DatabaseNode.Describe(load)}");
            }
            var tables = DatabaseOutput.Tables(await Query(DatabaseQueries.Tables([scratch]), $"listing tables of {scratch}", cancellationToken))
                .GetValueOrDefault(scratch) ?? [];
            var rows = DatabaseOutput.RowCounts(await Query(DatabaseQueries.RowCounts(scratch, tables), $"counting rows of {scratch}", cancellationToken));
            var problems = Compare(dump, tables, rows);
            if (problems.Count > 0)
            {
                throw Failed(dump, file, "restored copy differs from the manifest: " + string.Join("; ", problems));
            }
            report?.Invoke($"{dump.Schema}: verified ({tables.Count} tables, {rows.Values.Sum()} rows restored into {scratch})");
        }
        finally
        {
            await server.TryRunAsync(server.Commands.Query(), DatabaseQueries.DropSchema(scratch), CancellationToken.None);
        }
    }

    /// <summary>The checks that need no server: sha256 against the manifest, then one read for gzip integrity and mysqldump's trailer.</summary>
    internal static async Task<DumpInspection> CheckFileAsync(DatabaseNode on, SchemaDump dump, string file, CancellationToken cancellationToken)
    {
        var sha = await on.TryRunAsync(DatabaseCommandLines.Sha256(file), null, cancellationToken);
        if (!sha.Succeeded)
        {
            throw Failed(dump, file, $"cannot read it on {on.Name}: {DatabaseNode.Describe(sha)}");
        }
        var actual = sha.StandardOutput.Split(' ', 2)[0].Trim();
        if (!string.Equals(actual, dump.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Failed(dump, file, $"sha256 mismatch: file has {actual}, manifest says {dump.Sha256} (file truncated or changed since the backup)");
        }
        var read = await on.RunAsync(DatabaseCommandLines.Inspect(file, dump.Schema), $"reading {file}", null, cancellationToken);
        var inspection = DumpInspection.Parse(read.StandardOutput);
        if (inspection.GzipStatus != 0)
        {
            throw Failed(dump, file, $"gzip integrity error (gzip exit {inspection.GzipStatus}): {read.StandardError.Trim()}");
        }
        if (!inspection.Trailer)
        {
            throw Failed(dump, file, $"the dump does not end with mysqldump's '{DatabaseCommandLines.DumpTrailer}' line: it was cut off");
        }
        return inspection;
    }

    /// <summary>Differences between a restored schema and the manifest, in words. Pure.</summary>
    public static IReadOnlyList<string> Compare(SchemaDump dump, IReadOnlyList<string> restoredTables, IReadOnlyDictionary<string, long> restoredRows)
    {
        var problems = new List<string>();
        var missing = dump.Tables.Select(t => t.Table).Except(restoredTables).ToList();
        var extra = restoredTables.Except(dump.Tables.Select(t => t.Table)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing tables {string.Join(", ", missing)}");
        }
        if (extra.Count > 0)
        {
            problems.Add($"tables not in the manifest {string.Join(", ", extra)}");
        }
        foreach (var table in dump.Tables.Where(t => restoredTables.Contains(t.Table)))
        {
            var rows = restoredRows.GetValueOrDefault(table.Table);
            if (!table.Admits(rows))
            {
                problems.Add($"table {table.Table} has {rows} rows, manifest says {table.Expected}");
            }
        }
        return problems;
    }

    private Task<string> Query(string sql, string doing, CancellationToken cancellationToken) =>
        server.QueryAsync(sql, doing, cancellationToken);

    private static BackupException Failed(SchemaDump dump, string file, string why) =>
        new($"verify failed for schema {dump.Schema}, file {file}: {why}");
}
