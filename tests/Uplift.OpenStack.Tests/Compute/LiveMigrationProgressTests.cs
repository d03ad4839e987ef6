using Uplift.OpenStack;

namespace Uplift.Tests.OpenStack;

public class LiveMigrationProgressTests
{
    private static readonly Migration FailedLive = new("vm1", "error", "live-migration", "cmp1", "cmp2");

    [Theory]
    [InlineData("MIGRATING", "cmp1", "migrating", false, null)]
    [InlineData("MIGRATING", "cmp2", "migrating", false, null)]
    [InlineData("ACTIVE", "cmp2", "migrating", false, null)]
    [InlineData("ACTIVE", "cmp2", null, false, LiveMigrationResult.Moved)]
    [InlineData("PAUSED", "cmp3", null, false, LiveMigrationResult.Moved)]
    [InlineData("ACTIVE", "cmp1", null, false, null)]
    [InlineData("ACTIVE", "cmp1", null, true, LiveMigrationResult.Failed)]
    [InlineData("ERROR", "cmp1", null, false, LiveMigrationResult.Failed)]
    [InlineData("ERROR", "cmp2", "migrating", false, LiveMigrationResult.Failed)]
    public void Given_a_look_at_the_instance_When_judged_Then_the_migration_is_over_only_when_settled(
        string status, string host, string? taskState, bool failedRecord, LiveMigrationResult? expected)
    {
        var server = new Server("vm1", "web", status, host, TaskState: taskState);

        var verdict = LiveMigrationProgress.Judge(server, "cmp1", failedRecord ? [FailedLive] : []);

        ((LiveMigrationResult?)verdict?.Result).ShouldBe(expected);
    }

    [Fact]
    public void Given_a_failed_cold_migration_record_When_back_on_source_Then_it_does_not_count_as_the_live_one()
    {
        var server = new Server("vm1", "web", "ACTIVE", "cmp1");

        LiveMigrationProgress.Judge(server, "cmp1", [FailedLive with { MigrationType = "resize" }]).ShouldBeNull();
    }
}
