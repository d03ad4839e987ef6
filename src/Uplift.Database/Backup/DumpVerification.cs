using Uplift.Transports;

namespace Uplift.Database;

/// <summary>
/// Proves a backup restorable: for each dump, checks its sha256 against the manifest, gzip's integrity and
/// mysqldump's trailer, loads it into a scratch schema (uplift_verify_SCHEMA), compares the tables and row counts
/// with the manifest, and drops the scratch schema again. Runs where the dump files are: on the database node
/// against its own server, or on this machine against a server the operator names. Round trips: one for every
/// file's checks, then one for each schema that loads.
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
        var files = manifest.Schemas.Select(dump => Path.Combine(directory, dump.File)).ToList();
        // Every file is checked in one round trip first; each verdict is still given in the schemas' order, so the
        // first dump that fails (file or load) is the one reported.
        var checks = await CheckFilesAsync(server, [.. manifest.Schemas.Zip(files)], cancellationToken);
        for (var i = 0; i < files.Count; i++)
        {
            await LoadAsync(manifest.Schemas[i], files[i], checks[i](), cancellationToken);
        }
        return manifest with { VerifiedAt = clock.GetUtcNow() };
    }

    public async Task VerifyAsync(SchemaDump dump, string file, CancellationToken cancellationToken = default) =>
        await LoadAsync(dump, file, await CheckFileAsync(server, dump, file, cancellationToken), cancellationToken);

    /// <summary>
    /// Loads a checked dump into its scratch schema and compares it with the manifest. One round trip when it
    /// loads: drop the scratch schema, load, then count and drop it again in one mysql start (each only if the one
    /// before succeeded). When any of that fails, the scratch schema is dropped in a round trip of its own.
    /// </summary>
    private async Task LoadAsync(SchemaDump dump, string file, DumpInspection inspection, CancellationToken cancellationToken)
    {
        var scratch = TargetOf(dump.Schema);
        if (!scratchServer && inspection.QualifiedLines > 0)
        {
            // Loading such a dump under a scratch name would still create or change objects in the real schema.
            throw Failed(dump, file,
                $"{inspection.QualifiedLines} definition line(s) name the schema {dump.Schema} explicitly, so it cannot be loaded under the scratch name {scratch} "
                + "without touching the real schema: verify it on a scratch server instead (uplift backup --verify-on scratch)");
        }
        var countThenDrop = new StatementBatch([DatabaseQueries.RowCounts(scratch), DatabaseQueries.DropSchema(scratch)]);
        var batch = new CommandBatch(
            [
                server.Commands.Query(DatabaseQueries.DropSchema(scratch)),
                server.Commands.LoadInto(file, dump.Schema, scratch),
                server.Commands.Query(countThenDrop.Sql),
            ],
            stopAfterFailure: true);
        var dropped = false;
        try
        {
            var steps = server.PartsOf(batch, await server.TryRunAsync(batch.Script, null, cancellationToken));
            if (!steps[0].Succeeded)
            {
                throw new BackupException($"dropping the scratch schema {scratch} on {server.Name} failed: {DatabaseNode.Describe(steps[0])}");
            }
            if (!steps[1].Succeeded)
            {
                throw Failed(dump, file, $"loading it into {scratch} failed: {DatabaseNode.Describe(steps[1])}");
            }
            var outputs = countThenDrop.Split(steps[2].StandardOutput);
            dropped = steps[2].Succeeded && outputs.Count == 2;
            if (outputs.Count == 0)
            {
                throw new BackupException($"counting rows of {scratch} on {server.Name} failed: {DatabaseNode.Describe(steps[2])}");
            }
            var rows = DatabaseOutput.RowCounts(outputs[0]);
            var tables = rows.Keys.ToList();
            var problems = Compare(dump, tables, rows);
            if (problems.Count > 0)
            {
                throw Failed(dump, file, "restored copy differs from the manifest: " + string.Join("; ", problems));
            }
            report?.Invoke($"{dump.Schema}: verified ({tables.Count} tables, {rows.Values.Sum()} rows restored into {scratch})");
        }
        finally
        {
            if (!dropped)
            {
                // A step failed, or the batch was cut (timeout, cancellation, lost connection), before its own drop.
                await server.TryRunAsync(server.Commands.Query(), DatabaseQueries.DropSchema(scratch), CancellationToken.None);
            }
        }
    }

    /// <summary>The checks that need no server: sha256 against the manifest, then one read for gzip integrity and mysqldump's trailer.</summary>
    internal static async Task<DumpInspection> CheckFileAsync(DatabaseNode on, SchemaDump dump, string file, CancellationToken cancellationToken) =>
        (await CheckFilesAsync(on, [(dump, file)], cancellationToken))[0]();

    /// <summary>
    /// Runs the file checks of every dump as one batch (sha256sum, then the inspecting read, for each file; stops
    /// after a command that fails) and returns one verdict per dump, to be asked in order: it returns the inspection
    /// or throws what checking that file alone would throw.
    /// </summary>
    private static async Task<IReadOnlyList<Func<DumpInspection>>> CheckFilesAsync(
        DatabaseNode on, IReadOnlyList<(SchemaDump Dump, string File)> dumps, CancellationToken cancellationToken)
    {
        if (dumps.Count == 0)
        {
            return [];
        }
        var batch = new CommandBatch(
            [.. dumps.SelectMany(d => new[] { DatabaseCommandLines.Sha256(d.File), DatabaseCommandLines.Inspect(d.File, d.Dump.Schema) })],
            stopAfterFailure: true);
        var results = on.PartsOf(batch, await on.TryRunAsync(batch.Script, null, cancellationToken));
        return [.. dumps.Select((d, i) => (Func<DumpInspection>)(() => Verdict(on, d.Dump, d.File, results[2 * i], results[2 * i + 1])))];
    }

    private static DumpInspection Verdict(DatabaseNode on, SchemaDump dump, string file, CommandResult sha, CommandResult read)
    {
        if (!sha.Succeeded)
        {
            throw Failed(dump, file, $"cannot read it on {on.Name}: {DatabaseNode.Describe(sha)}");
        }
        var actual = sha.StandardOutput.Split(' ', 2)[0].Trim();
        if (!string.Equals(actual, dump.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Failed(dump, file, $"sha256 mismatch: file has {actual}, manifest says {dump.Sha256} (file truncated or changed since the backup)");
        }
        if (!read.Succeeded)
        {
            throw new BackupException($"reading {file} on {on.Name} failed: {DatabaseNode.Describe(read)}");
        }
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

    private static BackupException Failed(SchemaDump dump, string file, string why) =>
        new($"verify failed for schema {dump.Schema}, file {file}: {why}");
}
