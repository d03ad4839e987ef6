using System.Security.Cryptography;
using System.Text;
using Uplift.Database;
using Uplift.Testing;
using Uplift.Transports;

namespace Uplift.Tests.Backup;

/// <summary>
/// Backup and verify in few round trips against the real MariaDB of <see cref="MariaDbFixture"/>: the same manifest,
/// rows, checksums and failures as one command at a time, counted through <see cref="CountingShell"/>.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class RoundTripTests(MariaDbFixture db)
{
    private readonly TestClock _clock = new();
    private readonly List<string> _reports = [];

    [Fact]
    public async Task Given_three_schemas_When_backed_up_and_verified_Then_the_manifest_holds_the_servers_tables_rows_and_checksums_in_one_round_trip_per_schema()
    {
        var (node, shell) = Node();
        var nodeDir = db.NewDirectory("trips-node");
        var localDir = db.NewDirectory("trips-local");
        const int chunk = 4096;

        var manifest = await new DatabaseBackup(node, new ShellFetch(node, chunk), _clock).TakeAsync(new BackupOptions("trips-1", nodeDir, localDir));
        var backupCommands = shell.Commands;
        var texts = shell.Texts.ToList();
        shell.Reset();
        var verified = await new DumpVerification(node, _clock, _reports.Add).VerifyAsync(manifest, nodeDir);

        manifest.Schemas.Select(s => s.Schema).ShouldBe(["heat", "keystone", "nova_api"]);
        foreach (var dump in manifest.Schemas)
        {
            dump.Tables.Select(t => t.Table).ShouldBe(await TablesAsync(dump.Schema));
            foreach (var table in dump.Tables)
            {
                var rows = await CountAsync(dump.Schema, table.Table);
                (table.Rows, table.RowsAfterDump).ShouldBe((rows, rows), $"{dump.Schema}.{table.Table}");
            }
            var file = Path.Combine(nodeDir, dump.File);
            dump.Bytes.ShouldBe(new FileInfo(file).Length);
            dump.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
            File.ReadAllBytes(Path.Combine(localDir, dump.File)).ShouldBe(File.ReadAllBytes(file), "the copy is the node's file");
        }
        verified.Verified.ShouldBeTrue();
        _reports.Count(r => r.Contains(": verified (")).ShouldBe(3);
        // One at a time it took 4 + 5 per schema + every chunk + 1 for the backup and 7 per schema for the verify.
        var later = manifest.Schemas.Sum(d => (int)((d.Bytes + chunk - 1) / chunk) - 1);
        backupCommands.ShouldBe(2 + manifest.Schemas.Count + later + 1, "version and databases; tables and mkdir; each schema; later chunks; manifest");
        shell.Commands.ShouldBe(1 + manifest.Schemas.Count, "every file checked; each schema loaded, counted and dropped");
        shell.ClientStarts.ShouldBe(3 * manifest.Schemas.Count, "per schema: drop; load; count and drop");
        (await Databases()).ShouldNotContain(d => d.StartsWith(DumpVerification.ScratchPrefix));
        texts.Concat(shell.Texts).ShouldNotContain(t => t.Contains(db.Server.Password));
    }

    [Fact]
    public async Task Given_a_dump_that_fails_mid_way_When_backed_up_Then_it_fails_as_the_dump_alone_does_and_nothing_after_it_runs()
    {
        // mysqldump writes the images table's rows, then stops at the view whose table is gone (error 1356).
        await db.Server.AdminAsync("""
            CREATE DATABASE glance; USE glance;
            CREATE TABLE images (id INT PRIMARY KEY); INSERT INTO images SELECT seq FROM seq_1_to_1000;
            CREATE TABLE gone (id INT); CREATE VIEW v AS SELECT * FROM gone; DROP TABLE gone;
            """);
        try
        {
            var (node, shell) = Node();
            var dir = db.NewDirectory("midway");
            var file = Path.Combine(dir, "glance.sql.gz");

            var failure = await Should.ThrowAsync<BackupException>(() =>
                new DatabaseBackup(node, new ShellFetch(node), _clock).TakeAsync(new BackupOptions("trips-2", dir, Path.Combine(dir, "local"), ["glance"])));
            var runs = shell.Runs;
            var alone = await Should.ThrowAsync<BackupException>(() => node.RunAsync(node.Commands.Dump("glance", file), $"dumping glance to {file}"));

            failure.Message.ShouldBe(alone.Message);
            failure.Message.ShouldStartWith($"dumping glance to {file} on db1 failed: exit 1: ");
            failure.Message.ShouldContain("View 'glance.v' references invalid table(s)");
            runs.Count.ShouldBe(3);
            var batch = CommandBatch.Parse(runs[2].Command.Script).ShouldNotBeNull();
            batch.Parts.Count.ShouldBe(6, "count, dump, count, sha256, size, first chunk");
            batch.Split(runs[2].Result).Select(r => r.ExitCode).ShouldBe([0, 1], "the count before ran, the dump failed, nothing after it ran");
            Directory.GetFiles(dir).ShouldBeEmpty("no dump, .part or .rc file is left");
            File.Exists(Path.Combine(dir, "local", BackupManifestFile.FileName)).ShouldBeFalse();
        }
        finally
        {
            await db.Server.AdminAsync("DROP DATABASE glance");
        }
    }

    [Fact]
    public async Task Given_a_table_created_after_the_tables_were_listed_When_backed_up_Then_it_fails_naming_the_table_instead_of_writing_a_manifest_without_it()
    {
        var (node, shell) = Node();
        var dir = db.NewDirectory("changed");
        shell.Between = (2, () => db.Server.AdminAsync("CREATE TABLE heat.resource (id INT)"));
        try
        {
            var failure = await Should.ThrowAsync<BackupException>(() =>
                new DatabaseBackup(node, new LocalFetch(), _clock).TakeAsync(new BackupOptions("trips-3", dir, dir, ["heat"])));

            failure.Message.ShouldStartWith("tables of heat on db1 changed during the backup (counted before the dump");
            failure.Message.ShouldContain("new: resource; gone: none");
            File.Exists(Path.Combine(dir, BackupManifestFile.FileName)).ShouldBeFalse();
        }
        finally
        {
            await db.Server.AdminAsync("DROP TABLE IF EXISTS heat.resource");
        }
    }

    [Fact]
    public async Task Given_the_second_of_three_dumps_truncated_When_verified_Then_the_first_is_verified_and_the_second_fails_as_it_does_alone()
    {
        var (node, shell) = Node();
        var dir = db.NewDirectory("trips-truncated");
        var manifest = await new DatabaseBackup(node, new LocalFetch(), _clock).TakeAsync(new BackupOptions("trips-4", dir, dir));
        var file = Path.Combine(dir, "keystone.sql.gz");
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..1000]);
        shell.Reset();

        var failure = await Should.ThrowAsync<BackupException>(() => new DumpVerification(node, _clock, _reports.Add).VerifyAsync(manifest, dir));
        var commands = shell.Commands;
        var alone = await Should.ThrowAsync<BackupException>(() => new DumpVerification(node, _clock).VerifyAsync(manifest.Find("keystone")!, file));

        manifest.Schemas.Select(s => s.Schema).ShouldBe(["heat", "keystone", "nova_api"]);
        failure.Message.ShouldBe(alone.Message);
        failure.Message.ShouldStartWith($"verify failed for schema keystone, file {file}: sha256 mismatch: file has ");
        _reports.ShouldHaveSingleItem().ShouldStartWith("heat: verified");
        commands.ShouldBe(2, "every file checked in one round trip, heat loaded in one; keystone fails before its load");
        (await Databases()).ShouldNotContain(d => d.StartsWith(DumpVerification.ScratchPrefix));
    }

    [Fact]
    public async Task Given_a_missing_dump_file_When_verified_Then_it_cannot_be_read_and_the_files_after_it_are_not_read()
    {
        var (node, shell) = Node();
        var dir = db.NewDirectory("trips-missing");
        var manifest = await new DatabaseBackup(node, new LocalFetch(), _clock).TakeAsync(new BackupOptions("trips-5", dir, dir, ["heat", "nova_api"]));
        var file = Path.Combine(dir, "heat.sql.gz");
        File.Delete(file);
        shell.Reset();

        var failure = await Should.ThrowAsync<BackupException>(() => new DumpVerification(node, _clock).VerifyAsync(manifest, dir));

        failure.Message.ShouldStartWith($"verify failed for schema heat, file {file}: cannot read it on db1: exit 1: sha256sum: ");
        failure.Message.ShouldContain("No such file or directory");
        var checks = CommandBatch.Parse(shell.Runs.ShouldHaveSingleItem().Command.Script).ShouldNotBeNull();
        checks.Parts.Count.ShouldBe(4, "sha256sum and inspect of each file");
        checks.Split(shell.Runs[0].Result).Count.ShouldBe(1, "nothing ran after the failed sha256sum");
    }

    [Theory]
    [InlineData("INSERT INTO volumes VALUES (1);\nINSERT INTO attachments VALUES ('rabbit://openstack:s3cr3t@ctl1:5672/');\n", 1, 3,
        "loading it into uplift_verify_cinder failed: exit 1: ", "ERROR 1146 (42S02) at line 5: Table 'uplift_verify_cinder.attachments' doesn't exist")]
    [InlineData("INSERT INTO volumes VALUES (1);\n", 5, 2,
        "restored copy differs from the manifest: missing tables attachments; table volumes has 1 rows, manifest says 5", "")]
    public async Task Given_a_sound_file_that_does_not_load_as_the_manifest_says_When_verified_Then_the_failure_is_named_and_the_scratch_schema_dropped(
        string rows, long expectedVolumes, int commands, string reason, string mysqlSaid)
    {
        var (node, shell) = Node();
        var dir = db.NewDirectory("trips-load");
        var file = Path.Combine(dir, "cinder.sql.gz");
        var sql = "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `cinder`;\nUSE `cinder`;\nCREATE TABLE volumes (id INT);\n" + rows + "-- Dump completed on 2026-11-21 20:45:00\n";
        File.WriteAllBytes(file, BackupIntegrationTests.Gzip(Encoding.UTF8.GetBytes(sql)));
        var dump = new SchemaDump("cinder", "cinder.sql.gz", new FileInfo(file).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))),
            [new TableRows("attachments", 1, 1), new TableRows("volumes", expectedVolumes, expectedVolumes)]);

        var failure = await Should.ThrowAsync<BackupException>(() => new DumpVerification(node, _clock).VerifyAsync(dump, file));

        failure.Message.ShouldStartWith($"verify failed for schema cinder, file {file}: {reason}");
        failure.Message.ShouldEndWith(mysqlSaid);
        failure.Message.Contains("s3cr3t").ShouldBeFalse("mysql does not print the failed statement, which holds table data");
        shell.Commands.ShouldBe(commands, "the file checks; drop, load, count and drop; after a failed load, a drop of its own");
        (await Databases()).ShouldNotContain("uplift_verify_cinder");
    }

    [Fact]
    public async Task Given_a_manifest_without_schemas_When_verified_Then_nothing_runs_and_it_is_verified_as_before()
    {
        var (node, shell) = Node();
        var empty = new BackupManifest("trips-7", "db1", "/nonexistent", "10.11", _clock.GetUtcNow(), []);

        (await new DumpVerification(node, _clock).VerifyAsync(empty, "/nonexistent")).Verified.ShouldBeTrue();

        shell.Commands.ShouldBe(0);
    }

    [Fact]
    public async Task Given_statements_in_one_mysql_start_When_the_middle_one_fails_Then_the_failure_names_it_and_the_ones_before_are_not_mistaken_for_it()
    {
        var (node, shell) = Node();

        var both = await node.QueryAsync([(DatabaseQueries.ServerVersion, "reading the server version"), (DatabaseQueries.ShowDatabases, "listing databases")]);
        var failure = await Should.ThrowAsync<BackupException>(() => node.QueryAsync(
            [("SELECT 1;", "first"), ("SELECT * FROM heat.no_such_table;", "reading no_such_table"), ("SELECT 2;", "third")]));

        DatabaseOutput.ServerVersion(both[0]).ShouldContain("MariaDB");
        DatabaseOutput.Databases(both[1]).ShouldBe(await Databases());
        failure.Message.ShouldStartWith("reading no_such_table on db1 failed: exit 1: ");
        failure.Message.ShouldContain("ERROR 1146 (42S02)");
        shell.Commands.ShouldBe(2);
    }

    private (DatabaseNode Node, CountingShell Shell) Node() => db.Node();

    private Task<string> QueryAsync(string sql) => db.QueryAsync(sql);

    private Task<IReadOnlyList<string>> Databases() => db.DatabasesAsync();

    private async Task<IReadOnlyList<string>> TablesAsync(string schema) =>
        DatabaseOutput.Databases(await QueryAsync(
            $"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{schema}' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME;"));

    private async Task<long> CountAsync(string schema, string table) => long.Parse((await QueryAsync($"SELECT COUNT(*) FROM `{schema}`.`{table}`;")).Trim());
}
