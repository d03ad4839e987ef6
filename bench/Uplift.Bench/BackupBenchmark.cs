using System.Diagnostics;
using System.Globalization;
using Uplift.Database;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Bench;

/// <summary>
/// `backup [--size-mb N]`: generates a schema of about N MB (default 1024) in a private MariaDB, then times
/// uplift's backup (row counts, mysqldump | gzip, sha256, copy) and verify (checks, load into a scratch schema,
/// row counts) beside a plain `mysqldump | mysql` copy of the same schema. Prints MB/s of table data; no asserts.
/// </summary>
public static class BackupBenchmark
{
    private const int Port = 33063;

    /// <summary>InnoDB bytes a generated row takes, data and index (measured: ~850).</summary>
    private const double RowBytes = 850;

    /// <summary>
    /// About 1 KB a row: repeated JSON-like text and random hex digests, so it compresses roughly as real rows do.
    /// </summary>
    private const string Payload = """CONCAT(REPEAT('{"flavor": "m1.small", "image": ', 8), SHA2(RAND(), 512), SHA2(RAND(), 512), SHA2(RAND(), 512))""";

    public static async Task<int> Run(string[] args)
    {
        var sizeMb = 1024;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--size-mb" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0)
            {
                sizeMb = n;
                i++;
            }
            else
            {
                Console.Error.WriteLine("usage: backup [--size-mb N]");
                return 2;
            }
        }
        await using var server = await ScratchMariaDb.StartAsync(Port);
        var shell = new LocalTransport(defaultTimeout: TimeSpan.FromHours(3)).ShellFor(new Node("bench", "127.0.0.1", [Role.Controller]));
        var node = new DatabaseNode(shell, new DatabaseCommandLines(server.CredentialsFile));

        var clock = Stopwatch.StartNew();
        var (dataMb, rows) = await GenerateAsync(node, sizeMb);
        Console.WriteLine($"generated schema nova: {rows:N0} rows, {dataMb:F0} MB of table data+indexes in {clock.Elapsed.TotalSeconds:F1} s (MariaDB {await VersionAsync(node)})");

        clock.Restart();
        await node.RunAsync(
            $"mysql --defaults-extra-file={ShellWords.Quote(server.CredentialsFile)} -e 'CREATE DATABASE nova_plain' && "
            + $"mysqldump --defaults-extra-file={ShellWords.Quote(server.CredentialsFile)} --single-transaction --routines --triggers --events nova"
            + $" | mysql --defaults-extra-file={ShellWords.Quote(server.CredentialsFile)} nova_plain",
            "plain mysqldump | mysql");
        var plain = clock.Elapsed;
        await node.QueryAsync(DatabaseQueries.DropSchema("nova_plain"), "dropping nova_plain");

        var dir = Directory.CreateDirectory(Path.Combine(server.Directory, "backup")).FullName;
        clock.Restart();
        var manifest = await new DatabaseBackup(node, new LocalFetch(), TimeProvider.System)
            .TakeAsync(new BackupOptions("bench", dir, dir, ["nova"]));
        var backup = clock.Elapsed;
        clock.Restart();
        await new DumpVerification(node, TimeProvider.System).VerifyAsync(manifest, dir);
        var verify = clock.Elapsed;

        Console.WriteLine($"dump file: {manifest.TotalBytes / 1048576.0:F0} MiB gzip ({Environment.ProcessorCount} cores)");
        Console.WriteLine($"{"",-34} {"seconds",9} {"MB/s",8}");
        Line("plain mysqldump | mysql", plain, dataMb);
        Line("uplift backup", backup, dataMb);
        Line("uplift verify", verify, dataMb);
        Line("uplift backup + verify", backup + verify, dataMb);
        return 0;
    }

    /// <summary>Fills nova.instances by doubling (INSERT … SELECT) until the table holds about <paramref name="sizeMb"/>.</summary>
    private static async Task<(double DataMb, long Rows)> GenerateAsync(DatabaseNode node, int sizeMb)
    {
        await node.QueryAsync($"""
            CREATE DATABASE nova;
            USE nova;
            CREATE TABLE nova.instances (id BIGINT AUTO_INCREMENT PRIMARY KEY, uuid CHAR(36) NOT NULL, host VARCHAR(255),
              vm_state VARCHAR(255), metadata TEXT, created_at DATETIME, KEY (host)) ENGINE=InnoDB;
            INSERT INTO nova.instances (uuid, host, vm_state, metadata, created_at)
              SELECT UUID(), CONCAT('cmp', seq MOD 500), 'active', {Payload}, NOW() FROM seq_1_to_1024;
            """, "creating nova.instances");
        var rows = 1024L;
        while (rows * RowBytes < sizeMb * 1048576.0)
        {
            await node.QueryAsync(
                "INSERT INTO nova.instances (uuid, host, vm_state, metadata, created_at) "
                + $"SELECT UUID(), host, vm_state, {Payload}, created_at FROM nova.instances LIMIT {Math.Min(rows, (long)(sizeMb * 1048576.0 / RowBytes) - rows + 1)};",
                "doubling nova.instances");
            rows = long.Parse((await node.QueryAsync("SELECT COUNT(*) FROM nova.instances;", "counting")).Trim(), CultureInfo.InvariantCulture);
        }
        var size = await node.QueryAsync(
            "ANALYZE TABLE nova.instances; SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'nova';", "sizing nova");
        var bytes = double.Parse(size.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        return (bytes / 1e6, rows);
    }

    private static async Task<string> VersionAsync(DatabaseNode node) =>
        DatabaseOutput.ServerVersion(await node.QueryAsync(DatabaseQueries.ServerVersion, "version"));

    private static void Line(string what, TimeSpan took, double dataMb) =>
        Console.WriteLine($"{what,-34} {took.TotalSeconds,9:F1} {dataMb / took.TotalSeconds,8:F1}");
}
