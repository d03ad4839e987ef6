using Uplift.Database;
using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Tests.Backup;
using Uplift.Transports;
using Uplift.Upgrade.Steps.Database;

namespace Uplift.Tests.Steps;

/// <summary>The plan's backup steps against a real MariaDB: taken once per plan, verified, found done on a re-run.</summary>
[Collection(MariaDbCollection.Name)]
public sealed class BackupStepHandlerTests(MariaDbFixture db) : IAsyncLifetime
{
    private readonly LocalTransport _transport = new();
    private readonly List<string> _reports = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _transport.DisposeAsync();

    private PlanStep Step(StepKind kind, string nodeDirectory, string id) => new(
        kind == DatabaseBackupStep.Kind ? "backup/dump" : "backup/verify", kind, Phases.Backup, null, ["db1"],
        [new("credentials-file", db.Server.CredentialsFile), new("directory", nodeDirectory), new("backup-id", id)],
        ConcurrencyClasses.Cluster, [], [], 0, false, "database node db1");

    private StepContext Context(PlanStep step) =>
        new(step, node => _transport.ShellFor(new Node(node, "127.0.0.1", [Role.Controller])), new TestClock(), _reports.Add, CancellationToken.None);

    [Fact]
    public async Task Given_a_plan_When_its_backup_steps_run_Then_a_verified_backup_named_by_the_plan_is_kept_and_a_rerun_finds_it()
    {
        var handler = new BackupStepHandler(db.NewDirectory("local"));
        var nodeDirectory = db.NewDirectory("node");
        var dump = Step(DatabaseBackupStep.Kind, nodeDirectory, "0123abcd");
        var verify = Step(DatabaseBackupVerifyStep.Kind, nodeDirectory, "0123abcd");

        (await handler.IsDoneAsync(Context(dump))).ShouldBeFalse();
        await handler.ActAsync(Context(dump));
        await handler.VerifyAsync(Context(dump));
        (await handler.IsDoneAsync(Context(verify))).ShouldBeFalse("taken is not verified");
        await handler.ActAsync(Context(verify));
        await handler.VerifyAsync(Context(verify));

        (await handler.IsDoneAsync(Context(dump))).ShouldBeTrue("a resumed run does not take the backup again");
        (await handler.IsDoneAsync(Context(verify))).ShouldBeTrue();
        File.Exists(Path.Combine(nodeDirectory, "0123abcd", "keystone.sql.gz")).ShouldBeTrue();
        (await handler.IsDoneAsync(Context(Step(DatabaseBackupStep.Kind, nodeDirectory, "another-plan")))).ShouldBeFalse();
        _reports.ShouldContain(r => r.Contains("verified"));
        _reports.ShouldNotContain(r => r.Contains(db.Server.Password));
    }

    [Fact]
    public async Task Given_a_plan_When_its_backup_steps_run_Then_each_costs_a_few_round_trips_plus_one_per_schema()
    {
        var local = db.NewDirectory("local-trips");
        var handler = new BackupStepHandler(local);
        var nodeDirectory = db.NewDirectory("node-trips");
        var shell = new CountingShell(_transport.ShellFor(new Node("db1", "127.0.0.1", [Role.Controller])));
        StepContext Counted(PlanStep step) => new(step, _ => shell, new TestClock(), _reports.Add, CancellationToken.None);

        await handler.ActAsync(Counted(Step(DatabaseBackupStep.Kind, nodeDirectory, "trips")));
        var dump = shell.Commands;
        shell.Reset();
        await handler.ActAsync(Counted(Step(DatabaseBackupVerifyStep.Kind, nodeDirectory, "trips")));

        var schemas = (await BackupManifestFile.ReadAsync(Path.Combine(local, "trips"))).Schemas.Count;
        schemas.ShouldBe(3);
        // One command at a time: 4 + 6 per schema (and more for dumps over 8 MiB) + 1, and 7 per schema + 1.
        dump.ShouldBe(2 + schemas + 1, "version and databases; tables and directory; one per schema (dumps under 8 MiB); manifest");
        shell.Commands.ShouldBe(1 + schemas + 1, "every file's checks; one per schema; manifest");
    }

    [Fact]
    public async Task Given_no_backup_When_verify_runs_Then_it_fails_saying_what_to_do()
    {
        var handler = new BackupStepHandler(db.NewDirectory("empty"));

        var error = await Should.ThrowAsync<StepFailedException>(() => handler.ActAsync(Context(Step(DatabaseBackupVerifyStep.Kind, "/nonexistent", "x1"))));

        error.Message.ShouldContain("no backup manifest");
    }
}
