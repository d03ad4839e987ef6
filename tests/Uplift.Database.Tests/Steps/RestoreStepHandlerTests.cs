using Uplift.Database;
using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Tests.Backup;
using Uplift.Transports;
using Uplift.Upgrade.Steps.Database;

namespace Uplift.Tests.Steps;

/// <summary>A rollback's schema restore against a real MariaDB: from the run's verified backup only.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class RestoreStepHandlerTests(MariaDbFixture db) : IAsyncLifetime
{
    private readonly LocalTransport _transport = new();
    private readonly List<string> _reports = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    private PlanStep Step(StepKind kind, string nodeDirectory, string id, string? schema = null) => new(
        kind.Name switch { DatabaseBackupStep.Name => "backup/dump", DatabaseBackupVerifyStep.Name => "backup/verify", _ => $"rollback/database/{schema}/restore" },
        kind, Phases.Backup, null, ["db1"],
        [new("credentials-file", db.Server.CredentialsFile), new("directory", nodeDirectory), new("backup-id", id), .. schema is null ? Array.Empty<KeyValuePair<string, string>>() : [new("schema", schema)]],
        ConcurrencyClasses.Cluster, [], [], 0, false, "database node db1");

    private StepContext Context(PlanStep step) =>
        new(step, node => _transport.ShellFor(new Node(node, "127.0.0.1", [Role.Controller])), new TestClock(), _reports.Add, CancellationToken.None);

    private async Task<long> CountAsync(string table)
    {
        var rows = await BackupIntegrationTests.Local("count").RunAsync(new(
            new DatabaseCommandLines(db.Server.CredentialsFile).Query(), StandardInput: $"SELECT COUNT(*) FROM {table};"));
        return long.Parse(rows.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Given_a_verified_backup_When_a_schema_is_restored_Then_rows_written_after_it_are_gone_and_a_schema_it_lacks_is_left()
    {
        var local = db.NewDirectory("rollback-local");
        var node = db.NewDirectory("rollback-node");
        var backup = new BackupStepHandler(local);
        await backup.ActAsync(Context(Step(DatabaseBackupStep.Kind, node, "run1")));
        await backup.ActAsync(Context(Step(DatabaseBackupVerifyStep.Kind, node, "run1")));
        var before = await CountAsync("heat.stack");
        await db.Server.AdminAsync("INSERT INTO heat.stack (id, name) VALUES (100001, 'written-after-the-backup')");
        var restore = new RestoreStepHandler(local);

        (await restore.IsDoneAsync(Context(Step(DatabaseRestoreStep.Kind, node, "run1", "heat")))).ShouldBeFalse("a restore is never assumed done");
        await restore.ActAsync(Context(Step(DatabaseRestoreStep.Kind, node, "run1", "heat")));
        await restore.ActAsync(Context(Step(DatabaseRestoreStep.Kind, node, "run1", "nova_cell0")));

        (await CountAsync("heat.stack")).ShouldBe(before);
        _reports.ShouldContain(r => r.StartsWith("heat: restored from", StringComparison.Ordinal));
        _reports.ShouldContain(r => r.Contains("nova_cell0: not in backup run1", StringComparison.Ordinal));
        _reports.ShouldNotContain(r => r.Contains(db.Server.Password));
    }

    [Fact]
    public async Task Given_a_backup_never_verified_When_a_schema_is_restored_Then_the_step_fails_and_nothing_changes()
    {
        var local = db.NewDirectory("rollback-unverified");
        var node = db.NewDirectory("rollback-unverified-node");
        await new BackupStepHandler(local).ActAsync(Context(Step(DatabaseBackupStep.Kind, node, "run2")));
        await db.Server.AdminAsync("INSERT INTO heat.stack (id, name) VALUES (100002, 'kept')");
        var count = await CountAsync("heat.stack");

        var error = await Should.ThrowAsync<StepFailedException>(() => new RestoreStepHandler(local).ActAsync(Context(Step(DatabaseRestoreStep.Kind, node, "run2", "heat"))));
        var after = await CountAsync("heat.stack");
        await db.Server.AdminAsync("DELETE FROM heat.stack WHERE id = 100002");

        error.Message.ShouldContain("was never verified");
        after.ShouldBe(count, "the row written after the backup is still there");
    }
}
