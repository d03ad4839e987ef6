using Uplift.Cli;
using Uplift.Database;

namespace Uplift.Tests.Backup;

/// <summary>`uplift backup` and `uplift restore` end to end on this machine (--local) against the fixture's MariaDB.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class BackupCommandTests(MariaDbFixture db)
{
    [Fact]
    public async Task Given_an_inventory_When_backup_verify_then_restore_run_Then_rows_come_back_and_no_output_holds_the_password()
    {
        var dir = db.NewDirectory("cli");
        var inventory = await InventoryAsync(dir);
        var copies = Path.Combine(dir, "copies");

        var (backupExit, backupOut, backupErr) = Cli("backup", "-i", inventory, "--local", "--verify", "--schemas", "heat,nova_api", "--run-id", "cli-1", "--out", copies);
        await db.Server.AdminAsync("DELETE FROM nova_api.flavors WHERE id > 10");
        var (restoreExit, restoreOut, restoreErr) = Cli("restore", "nova_api", "--from", copies, "-i", inventory, "--local", "--yes");

        backupExit.ShouldBe(0, backupErr);
        backupOut.ShouldContain("backup cli-1: 2 schema(s)");
        backupOut.ShouldContain("verified");
        backupErr.ShouldContain("nova_api: verified");
        (await BackupManifestFile.ReadAsync(copies)).Verified.ShouldBeTrue();
        (await BackupManifestFile.ReadAsync(Path.Combine(dir, "node", "cli-1"))).Verified.ShouldBeTrue("the node's manifest is marked too");
        restoreExit.ShouldBe(0, restoreErr);
        restoreOut.ShouldContain("nova_api: restored");
        (await CountAsync("nova_api.flavors")).ShouldBe(2000);
        string[] everything = [backupOut, backupErr, restoreOut, restoreErr, .. Directory.GetFiles(copies, "*.json").Select(File.ReadAllText)];
        everything.ShouldAllBe(text => !text.Contains(db.Server.Password));
    }

    [Fact]
    public async Task Given_a_restore_without_yes_When_the_operator_types_another_name_Then_nothing_is_changed()
    {
        var dir = db.NewDirectory("cli-confirm");
        var inventory = await InventoryAsync(dir);
        var copies = Path.Combine(dir, "copies");
        Cli("backup", "-i", inventory, "--local", "--schemas", "heat", "--run-id", "cli-2", "--out", copies).Exit.ShouldBe(0);
        await db.Server.AdminAsync("DELETE FROM heat.stack WHERE id = 1");
        var stdin = Console.In;
        (int Exit, string Output, string Error) refused, typed;
        try
        {
            Console.SetIn(new StringReader("keystone\n"));
            refused = Cli("restore", "heat", "--from", copies, "-i", inventory, "--local");
            var afterRefusal = await CountAsync("heat.stack");
            Console.SetIn(new StringReader("heat\n"));
            typed = Cli("restore", "heat", "--from", copies, "-i", inventory, "--local");
            afterRefusal.ShouldBe(299);
        }
        finally
        {
            Console.SetIn(stdin);
        }

        refused.Exit.ShouldBe(UpliftCommandLine.BadInput);
        refused.Error.ShouldContain("Type \"heat\" to go on");
        refused.Error.ShouldContain("restore of heat not confirmed: nothing was changed");
        typed.Exit.ShouldBe(0, typed.Error);
        (await CountAsync("heat.stack")).ShouldBe(300);
    }

    [Fact]
    public async Task Given_verify_on_scratch_When_backup_runs_Then_the_local_copies_are_verified_on_a_private_server_that_is_gone_after()
    {
        var dir = db.NewDirectory("cli-scratch");
        var inventory = await InventoryAsync(dir);
        var copies = Path.Combine(dir, "copies");
        var before = Directory.GetDirectories(Path.GetTempPath(), "uplift-mariadb-*");

        var (exit, output, error) = Cli("backup", "-i", inventory, "--local", "--verify", "--verify-on", "scratch", "--schemas", "keystone", "--run-id", "cli-3", "--out", copies);

        exit.ShouldBe(0, error);
        error.ShouldContain("starting a private MariaDB on 127.0.0.1:33068");
        error.ShouldContain("keystone: verified");
        output.ShouldContain("verified");
        (await BackupManifestFile.ReadAsync(copies)).Verified.ShouldBeTrue();
        Directory.GetDirectories(Path.GetTempPath(), "uplift-mariadb-*").Except(before).ShouldBeEmpty("the private server's directory is removed");
    }

    [Fact]
    public async Task Given_several_schemas_When_restored_Then_each_comes_back_in_turn()
    {
        var dir = db.NewDirectory("cli-several");
        var inventory = await InventoryAsync(dir);
        var copies = Path.Combine(dir, "copies");
        Cli("backup", "-i", inventory, "--local", "--schemas", "heat,nova_api", "--run-id", "cli-4", "--out", copies).Exit.ShouldBe(0);
        var (heat, flavors) = (await CountAsync("heat.stack"), await CountAsync("nova_api.flavors"));
        await db.Server.AdminAsync("DELETE FROM heat.stack WHERE id < 5; DELETE FROM nova_api.flavors WHERE id < 5");

        var (exit, output, error) = Cli("restore", "heat", "nova_api", "--from", copies, "-i", inventory, "--local", "--yes");

        exit.ShouldBe(0, error);
        output.IndexOf("heat: restored", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("nova_api: restored", StringComparison.Ordinal));
        (await CountAsync("heat.stack")).ShouldBe(heat);
        (await CountAsync("nova_api.flavors")).ShouldBe(flavors);
    }

    [Fact]
    public async Task Given_a_schema_the_backup_lacks_among_several_When_restore_runs_Then_none_is_restored()
    {
        var dir = db.NewDirectory("cli-lacks");
        var inventory = await InventoryAsync(dir);
        var copies = Path.Combine(dir, "copies");
        Cli("backup", "-i", inventory, "--local", "--schemas", "heat", "--run-id", "cli-5", "--out", copies).Exit.ShouldBe(0);
        await db.Server.AdminAsync("INSERT INTO heat.stack (id, name) VALUES (100003, 'written-after-the-backup')");
        var count = await CountAsync("heat.stack");

        var (exit, _, error) = Cli("restore", "heat", "keystone", "--from", copies, "-i", inventory, "--local", "--yes");
        var after = await CountAsync("heat.stack");
        await db.Server.AdminAsync("DELETE FROM heat.stack WHERE id = 100003");

        exit.ShouldBe(UpliftCommandLine.BadInput);
        error.ShouldContain("backup cli-5 holds no schema keystone: nothing was changed");
        after.ShouldBe(count, "heat was not restored either");
    }

    [Fact]
    public void Given_a_backup_directory_without_manifest_When_restore_runs_Then_it_is_bad_input_and_nothing_changes()
    {
        var dir = db.NewDirectory("cli-missing");

        var (exit, _, err) = Cli("restore", "heat", "--from", dir, "-i", Path.Combine(dir, "none.yaml"), "--local", "--yes");

        exit.ShouldBe(UpliftCommandLine.BadInput);
        err.ShouldContain("no backup manifest at");
    }

    private async Task<long> CountAsync(string table)
    {
        var rows = await BackupIntegrationTests.Local("check").RunAsync(new(
            new DatabaseCommandLines(db.Server.CredentialsFile).Query(), StandardInput: $"SELECT COUNT(*) FROM {table};"));
        return long.Parse(rows.StandardOutput.Trim());
    }

    private async Task<string> InventoryAsync(string dir)
    {
        var inventory = Path.Combine(dir, "inventory.yaml");
        await File.WriteAllTextAsync(inventory, $"""
            cluster: cli-test
            nodes:
              - name: db1
                address: 127.0.0.1
                roles: [controller]
            database:
              node: db1
              credentials_file: {db.Server.CredentialsFile}
              backup_directory: {dir}/node
            """);
        return inventory;
    }

    private static (int Exit, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = UpliftCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
