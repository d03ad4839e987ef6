using System.IO.Compression;
using Uplift.Database;
using Uplift.Inventory;
using Uplift.Testing;
using Uplift.Transports;

namespace Uplift.Tests.Backup;

/// <summary>Backup, verify and restore against a real MariaDB (see <see cref="MariaDbFixture"/>).</summary>
[Collection(MariaDbCollection.Name)]
public sealed class BackupIntegrationTests(MariaDbFixture db)
{
    private readonly TestClock _clock = new();
    private readonly List<string> _reports = [];

    [Fact]
    public async Task Given_several_schemas_with_data_When_backed_up_and_verified_Then_the_manifest_is_verified_and_matches_the_data()
    {
        var (node, shell) = Node();
        var nodeDir = db.NewDirectory("node");
        var localDir = db.NewDirectory("local");

        var manifest = await new DatabaseBackup(node, new ShellFetch(node, chunkBytes: 4096), _clock, _reports.Add)
            .TakeAsync(new BackupOptions("run-1", nodeDir, localDir));
        var verified = await new DumpVerification(node, _clock, _reports.Add).VerifyAsync(manifest, nodeDir);

        manifest.Schemas.Select(s => s.Schema).ShouldBe(["heat", "keystone", "nova_api"], ignoreOrder: true);
        manifest.ServerVersion.ShouldContain("MariaDB");
        manifest.Find("keystone")!.Tables.Single(t => t.Table == "user").Rows.ShouldBe(500);
        manifest.Find("keystone")!.Tables.Single(t => t.Table == "project").Rows.ShouldBe(3);
        manifest.Find("nova_api")!.Tables.Select(t => t.Table).ShouldBe(["empty_table", "flavors"]);
        manifest.Find("nova_api")!.TotalRows.ShouldBe(2000);
        verified.Verified.ShouldBeTrue();
        verified.VerifiedAt.ShouldBe(_clock.GetUtcNow());
        foreach (var dump in manifest.Schemas)
        {
            var local = Path.Combine(localDir, dump.File);
            new FileInfo(local).Length.ShouldBe(dump.Bytes);
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(local))).ShouldBe(dump.Sha256);
            File.GetUnixFileMode(local).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "a dump holds the cloud's secrets");
        }
        File.GetUnixFileMode(Path.Combine(localDir, BackupManifestFile.FileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        BackupManifestFile.ToJson(await BackupManifestFile.ReadAsync(localDir)).ShouldBe(BackupManifestFile.ToJson(manifest));
        File.Exists(Path.Combine(nodeDir, BackupManifestFile.FileName)).ShouldBeTrue();
        (await Databases()).ShouldNotContain(d => d.StartsWith(DumpVerification.ScratchPrefix), "scratch schemas are dropped");
        shell.Texts.ShouldNotContain(s => s.Contains(db.Server.Password), "the password is never on a command line or in any output");
    }

    [Fact]
    public async Task Given_a_truncated_dump_When_verified_Then_it_fails_naming_the_schema_and_the_file()
    {
        var (node, _) = Node();
        var dir = db.NewDirectory("truncated");
        var manifest = await new DatabaseBackup(node, new LocalFetch(), _clock).TakeAsync(new BackupOptions("run-2", dir, dir, ["nova_api"]));
        var file = Path.Combine(dir, "nova_api.sql.gz");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var failure = await Should.ThrowAsync<BackupException>(() => new DumpVerification(node, _clock).VerifyAsync(manifest, dir));

        failure.Message.ShouldContain("schema nova_api");
        failure.Message.ShouldContain(file);
        failure.Message.ShouldContain("sha256 mismatch");
    }

    [Fact]
    public async Task Given_a_cut_dump_whose_checksum_was_updated_When_verified_Then_gzip_or_the_missing_trailer_is_reported()
    {
        var (node, _) = Node();
        var dir = db.NewDirectory("cut");
        var manifest = await new DatabaseBackup(node, new LocalFetch(), _clock).TakeAsync(new BackupOptions("run-3", dir, dir, ["keystone"]));
        var file = Path.Combine(dir, "keystone.sql.gz");
        var sql = Gunzip(file);
        await File.WriteAllBytesAsync(file, Gzip(sql[..(sql.Length * 2 / 3)]));
        var cut = manifest.Schemas[0] with { Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))) };
        File.WriteAllBytes(file + ".raw", File.ReadAllBytes(file)[..^8]);

        var noTrailer = await Should.ThrowAsync<BackupException>(() => new DumpVerification(node, _clock).VerifyAsync(cut, file));
        var badGzip = await Should.ThrowAsync<BackupException>(() => new DumpVerification(node, _clock).VerifyAsync(
            cut with { Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file + ".raw"))) }, file + ".raw"));

        noTrailer.Message.ShouldContain("schema keystone");
        noTrailer.Message.ShouldContain("cut off");
        badGzip.Message.ShouldContain("gzip integrity error");
    }

    [Fact]
    public async Task Given_a_trigger_that_names_its_schema_When_verified_Then_the_same_server_refuses_it_before_loading_and_a_scratch_server_passes_it()
    {
        var (node, _) = Node();
        var dir = db.NewDirectory("qualified");
        await db.Server.AdminAsync("""
            CREATE DATABASE designate; CREATE TABLE designate.zones (id INT PRIMARY KEY); CREATE TABLE designate.log (id INT);
            CREATE TRIGGER designate.zone_log AFTER INSERT ON designate.zones FOR EACH ROW INSERT INTO designate.log VALUES (NEW.id);
            """);
        try
        {
            var manifest = await new DatabaseBackup(node, new LocalFetch(), _clock).TakeAsync(new BackupOptions("run-6", dir, dir, ["designate"]));

            var failure = await Should.ThrowAsync<BackupException>(() => new DumpVerification(node, _clock).VerifyAsync(manifest, dir));

            failure.Message.ShouldContain("name the schema designate explicitly");
            (await Databases()).ShouldNotContain("uplift_verify_designate");
            await using var scratch = await ScratchMariaDb.StartAsync(MariaDbFixture.Port + 1);
            var onScratch = new DatabaseNode(Local("operator"), new DatabaseCommandLines(scratch.CredentialsFile));
            (await new DumpVerification(onScratch, _clock, scratchServer: true).VerifyAsync(manifest, dir)).Verified.ShouldBeTrue();
        }
        finally
        {
            await db.Server.AdminAsync("DROP DATABASE designate");
        }
    }

    [Fact]
    public async Task Given_rows_deleted_after_the_backup_When_the_schema_is_restored_Then_the_rows_are_back()
    {
        var (node, _) = Node();
        var dir = db.NewDirectory("restore");
        var manifest = await new DatabaseBackup(node, new LocalFetch(), _clock).TakeAsync(new BackupOptions("run-4", dir, dir, ["heat"]));
        await db.Server.AdminAsync("DELETE FROM heat.stack WHERE id > 100; UPDATE heat.stack SET name = 'changed'");

        await new SchemaRestore(node, _reports.Add).RestoreAsync(manifest, "heat", dir);

        (await Query("SELECT COUNT(*), SUM(name = 'changed') FROM heat.stack")).Trim().ShouldBe("300\t0");
        _reports.ShouldContain(r => r.Contains("heat: restored"));
    }

    [Fact]
    public async Task Given_a_schema_that_is_not_on_the_server_When_backed_up_Then_it_fails_listing_those_present()
    {
        var (node, _) = Node();
        var dir = db.NewDirectory("missing");

        var failure = await Should.ThrowAsync<BackupException>(() =>
            new DatabaseBackup(node, new LocalFetch(), _clock).TakeAsync(new BackupOptions("run-5", dir, dir, ["glance"])));

        failure.Message.ShouldContain("glance not found");
        failure.Message.ShouldContain("keystone");
        failure.Message.ShouldNotContain("website");
    }

    private (DatabaseNode Node, CountingShell Shell) Node() => db.Node();

    internal static IRemoteShell Local(string node) => new LocalTransport().ShellFor(new Node(node, "127.0.0.1", [Role.Controller]));

    private Task<string> Query(string sql) => db.QueryAsync(sql);

    private Task<IReadOnlyList<string>> Databases() => db.DatabasesAsync();

    private static byte[] Gunzip(string file)
    {
        using var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    internal static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }
}
