using System.Text.Json.Nodes;
using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

/// <summary>A live migration watched over real HTTP, with waits on the stepping clock (no sleeping).</summary>
public sealed class LiveMigrationHttpTests : IAsyncDisposable
{
    private const string Root = "/compute/v2.1";
    private static readonly Server Instance = new("vm1", "web", "ACTIVE", "cmp1");

    private readonly TestClock _clock = new() { EndsWaitsAtOnce = true };
    private readonly ScriptedCloud _cloud;
    private readonly Queue<string> _looks = new();
    private string _migrationsAfterStart = """{"migrations": []}""";
    private bool _started;
    private OpenStackSession? _session;

    public LiveMigrationHttpTests()
    {
        _cloud = new ScriptedCloud(_clock) { TokenLifetime = TimeSpan.FromDays(1) };
        _cloud.ServeComputeVersion("2.96");
        _cloud.On("POST", Root + "/servers/vm1/action", _ =>
        {
            _started = true;
            return new Reply(202);
        });
        _cloud.On("GET", Root + "/servers/vm1", _ => Reply.Json(_looks.Count > 1 ? _looks.Dequeue() : _looks.Peek()));
        _cloud.On("GET", Root + "/os-migrations", _ => Reply.Json(_started
            ? _migrationsAfterStart
            : """{"migrations": [{"id": 1, "instance_uuid": "vm1", "status": "error", "migration_type": "live-migration"}]}"""));
    }

    [Fact]
    public async Task Given_nova_moves_the_instance_When_watched_Then_it_is_reported_moved_once_settled_on_the_new_host()
    {
        Look("MIGRATING", "cmp1", "migrating");
        Look("MIGRATING", "cmp2", "migrating");
        Look("ACTIVE", "cmp2", null);

        var outcome = await Migration().MoveAsync(Instance);

        outcome.Result.ShouldBe(LiveMigrationResult.Moved);
        outcome.CurrentHost.ShouldBe("cmp2");
        var post = _cloud.Server.RequestsTo("POST", Root + "/servers/vm1/action").ShouldHaveSingleItem();
        JsonAssert.Equal("""{"os-migrateLive": {"host": null, "block_migration": "auto"}}""", JsonNode.Parse(post.Body));
        post.Header("OpenStack-API-Version").ShouldBe("compute 2.25");
        _cloud.Server.RequestsTo("GET", Root + "/servers/vm1").Count.ShouldBe(3);
        _clock.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], "looks come soon at first, then less often");
    }

    [Fact]
    public async Task Given_the_instance_goes_to_error_When_watched_Then_it_is_reported_failed()
    {
        Look("MIGRATING", "cmp1", "migrating");
        Look("ERROR", "cmp1", null);

        var outcome = await Migration().MoveAsync(Instance);

        outcome.Result.ShouldBe(LiveMigrationResult.Failed);
        outcome.Detail.ShouldContain("went to ERROR on cmp1");
    }

    [Fact]
    public async Task Given_nova_rolls_back_When_watched_Then_the_new_failed_migration_record_reports_failure_but_the_old_one_does_not()
    {
        Look("MIGRATING", "cmp1", "migrating");
        Look("ACTIVE", "cmp1", null);
        _migrationsAfterStart = """
            {"migrations": [{"id": 2, "instance_uuid": "vm1", "status": "failed", "migration_type": "live-migration"},
                            {"id": 1, "instance_uuid": "vm1", "status": "error", "migration_type": "live-migration"}]}
            """;

        var outcome = await Migration().MoveAsync(Instance);

        outcome.Result.ShouldBe(LiveMigrationResult.Failed);
        outcome.Detail.ShouldContain("ended 'failed'; it is still ACTIVE on cmp1");
    }

    [Fact]
    public async Task Given_the_migration_never_settles_When_watched_Then_it_times_out_on_the_clock()
    {
        Look("MIGRATING", "cmp1", "migrating");
        var start = _clock.GetUtcNow();

        var outcome = await Migration(new LiveMigrationOptions { FirstLook = TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromMinutes(1) }).MoveAsync(Instance);

        outcome.Result.ShouldBe(LiveMigrationResult.TimedOut);
        outcome.Detail.ShouldContain("still MIGRATING (task migrating) on cmp1");
        (_clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromMinutes(1));
        _cloud.Server.RequestsTo("GET", Root + "/servers/vm1").Count.ShouldBe(6);
    }

    [Fact]
    public void Waits_between_looks_double_from_the_first_up_to_the_poll_interval() =>
        Enumerable.Range(0, 5).Select(new LiveMigrationOptions().WaitBefore)
            .ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)]);

    [Fact]
    public async Task Given_two_instances_and_one_slot_When_moving_all_Then_they_move_one_after_the_other()
    {
        _cloud.On("POST", Root + "/servers/vm2/action", _ => new Reply(202));
        _cloud.On("GET", Root + "/servers/vm2", _ => Reply.Json("""{"server": {"id": "vm2", "status": "ACTIVE", "OS-EXT-SRV-ATTR:host": "cmp3"}}"""));
        Look("ACTIVE", "cmp2", null);

        var outcomes = await Migration().MoveAllAsync([Instance, Instance with { Id = "vm2" }], maxParallel: 1);

        outcomes.Select(o => (o.ServerId, o.Result, o.CurrentHost)).ShouldBe([
            ("vm1", LiveMigrationResult.Moved, "cmp2"), ("vm2", LiveMigrationResult.Moved, "cmp3")]);
        _cloud.Server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/action", StringComparison.Ordinal)).Select(r => r.Path).ShouldBe([Root + "/servers/vm1/action", Root + "/servers/vm2/action"]);
        var requests = _cloud.Server.Requests.Select(r => r.Path).ToList();
        requests.LastIndexOf(Root + "/servers/vm1").ShouldBeLessThan(requests.IndexOf(Root + "/servers/vm2/action"));
    }

    [Fact]
    public async Task Given_two_hosts_moving_at_once_and_a_cluster_budget_of_one_When_moving_Then_one_instance_moves_at_a_time()
    {
        _cloud.On("POST", Root + "/servers/vm2/action", _ => new Reply(202));
        _cloud.On("GET", Root + "/servers/vm2", _ => Reply.Json("""{"server": {"id": "vm2", "status": "ACTIVE", "OS-EXT-SRV-ATTR:host": "cmp3"}}"""));
        Look("ACTIVE", "cmp2", null);
        using var budget = new SemaphoreSlim(1);
        var migration = Migration();

        // Each host may move 2 at once; the cluster's budget of 1 is shared by both hosts' moves.
        var outcomes = await Task.WhenAll(
            migration.MoveAllAsync([Instance], maxParallel: 2, budget),
            migration.MoveAllAsync([Instance with { Id = "vm2", Host = "cmp4" }], maxParallel: 2, budget));

        outcomes.SelectMany(o => o).ShouldAllBe(o => o.Result == LiveMigrationResult.Moved);
        var requests = _cloud.Server.Requests.Select(r => r.Path).ToList();
        var (first, second) = requests.IndexOf(Root + "/servers/vm1/action") < requests.IndexOf(Root + "/servers/vm2/action") ? ("vm1", "vm2") : ("vm2", "vm1");
        requests.LastIndexOf(Root + "/servers/" + first).ShouldBeLessThan(requests.IndexOf(Root + $"/servers/{second}/action"));
        budget.CurrentCount.ShouldBe(1);
    }

    public ValueTask DisposeAsync()
    {
        _session?.Dispose();
        return _cloud.DisposeAsync();
    }

    private LiveMigration Migration(LiveMigrationOptions? options = null)
    {
        _session = _cloud.Session();
        return new LiveMigration(new ComputeClient(_session), _clock, options);
    }

    private void Look(string status, string host, string? taskState) =>
        _looks.Enqueue(new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["id"] = "vm1",
                ["status"] = status,
                ["OS-EXT-SRV-ATTR:host"] = host,
                ["OS-EXT-STS:task_state"] = taskState,
            },
        }.ToJsonString());
}
