using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests;

/// <summary>
/// Uplift's live-migration step (the real ComputeMigrateHandler, the lab's nova through its clouds.yaml) on a lab of two
/// computes with instances, and the lab's proof that a compute was emptied before its nova-compute stopped.
/// Tests share the lab: each starts from where the instances are, and leaves every compute enabled and up.
/// </summary>
[Collection("migration-lab")]
public sealed class LiveMigrationTests(MigrationLabFixture lab) : IDisposable
{
    private const string Reason = "uplift run lab-migration: upgrade";
    private static readonly LiveMigrationOptions QuickPolls = new() { PollInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) };

    private readonly ComputeCloud _cloud = ComputeApiTests.CloudOf(lab);

    private ComputeClient Client => new(_cloud.Session);

    [Fact]
    public async Task Given_a_disabled_compute_with_instances_When_the_migrate_step_runs_Then_each_is_ACTIVE_on_the_other_compute_and_stopping_the_emptied_one_is_no_violation()
    {
        var (source, target) = await BusiestFirstAsync();
        var before = await Client.ServersOnHostAsync(source);
        var violations = lab.Violations().Count;

        await ComputeApiTests.RunAsync(new ComputeDisableHandler(_cloud), ComputeApiTests.Step(ComputeDisableStep.Kind, source, ("reason", Reason)));
        try
        {
            await ComputeApiTests.RunAsync(new ComputeMigrateHandler(_cloud, QuickPolls), ComputeApiTests.Step(ComputeMigrateInstancesStep.Kind, source));
            await new ComputeCheckEmptyHandler(_cloud).ActAsync(ComputeApiTests.Step(ComputeCheckEmptyStep.Kind, source));
            await lab.SucceedAsync(source, "systemctl stop nova-compute");
        }
        finally
        {
            await lab.SucceedAsync(source, "systemctl start nova-compute");
            await new ComputeEnableHandler(_cloud).ActAsync(ComputeApiTests.Step(ComputeEnableStep.Kind, source));
        }
        var left = await Client.ServersOnHostAsync(source);
        var moved = (await Client.ServersOnHostAsync(target)).Where(s => before.Any(b => b.Id == s.Id)).ToList();

        before.Count.ShouldBeGreaterThanOrEqualTo(MigrationLabFixture.InstancesPerCompute, "the busiest compute holds at least as many as it started with");
        left.ShouldBeEmpty();
        moved.Select(s => s.Id).ShouldBe(before.Select(s => s.Id), ignoreOrder: true);
        moved.ShouldAllBe(s => s.Status == "ACTIVE" && s.TaskState == null && s.HypervisorHostname == target);
        foreach (var server in before)
        {
            lab.Moves().ShouldContain(m => m[1] == server.Id && m[2] == source && m[3] == target);
        }
        lab.Violations().Count.ShouldBe(violations, string.Join('\n', lab.Violations()));
    }

    [Fact]
    public async Task Given_every_other_compute_disabled_When_the_migrate_step_runs_Then_nova_finds_no_valid_host_and_the_instances_stay_ACTIVE_where_they_were()
    {
        var (source, target) = await BusiestFirstAsync();
        var before = await Client.ServersOnHostAsync(source);

        await new ComputeDisableHandler(_cloud).ActAsync(ComputeApiTests.Step(ComputeDisableStep.Kind, target, ("reason", Reason)));
        await new ComputeDisableHandler(_cloud).ActAsync(ComputeApiTests.Step(ComputeDisableStep.Kind, source, ("reason", Reason)));
        StepFailedException failure;
        try
        {
            failure = await Should.ThrowAsync<StepFailedException>(() =>
                ComputeApiTests.RunAsync(new ComputeMigrateHandler(_cloud, QuickPolls), ComputeApiTests.Step(ComputeMigrateInstancesStep.Kind, source)));
        }
        finally
        {
            foreach (var compute in lab.Computes)
            {
                await new ComputeEnableHandler(_cloud).ActAsync(ComputeApiTests.Step(ComputeEnableStep.Kind, compute));
            }
        }
        var after = await Client.ServersOnHostAsync(source);
        var records = await Client.MigrationsAsync(before[0].Id);

        failure.Message.ShouldContain($"live-migrate the instances of {source}");
        failure.Message.ShouldContain("No valid host was found");
        after.Select(s => (s.Id, s.Status, s.TaskState)).ShouldBe(before.Select(s => (s.Id, "ACTIVE", (string?)null)), ignoreOrder: true);
        records[0].ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe("error"),
            m => m.MigrationType.ShouldBe("live-migration"),
            m => m.SourceCompute.ShouldBe(source),
            m => m.Failed.ShouldBeTrue());
    }

    [Fact]
    public async Task Given_a_live_migration_under_way_When_the_destination_s_nova_compute_dies_Then_the_instance_is_ACTIVE_on_its_source_and_Uplift_judges_it_failed()
    {
        var (source, target) = await BusiestFirstAsync();
        var client = Client;
        var server = (await client.ServersOnHostAsync(source))[0];
        var known = (await client.MigrationsAsync(server.Id)).Select(m => m.Id).ToHashSet();

        await client.StartLiveMigrationAsync(server.Id);
        // The unit dies under the lab's feet (no systemctl): nova sees the destination down when the move should end.
        File.Delete(Path.Combine(lab.Paths.NodeRoot(target), "units", "nova-compute.active"));
        Server after;
        try
        {
            after = await client.ServerAsync(server.Id);
            for (var i = 0; i < 50 && after.TaskState is not null; i++)
            {
                await Task.Delay(100);
                after = await client.ServerAsync(server.Id);
            }
        }
        finally
        {
            await lab.SucceedAsync(target, "systemctl start nova-compute");
        }
        var fresh = (await client.MigrationsAsync(server.Id)).Where(m => !known.Contains(m.Id)).ToList();

        (after.Status, after.TaskState, after.Host).ShouldBe(("ACTIVE", null, source));
        fresh.Select(m => (m.Status, m.DestCompute)).ShouldBe([("error", target)]);
        LiveMigrationProgress.Judge(after, source, fresh).ShouldNotBeNull().Result.ShouldBe(LiveMigrationResult.Failed);
    }

    [Fact]
    public async Task Given_a_compute_with_instances_When_its_nova_compute_is_stopped_or_restarted_by_its_package_upgrade_Then_each_is_a_violation_naming_it()
    {
        var (source, _) = await BusiestFirstAsync();
        var count = (await Client.ServersOnHostAsync(source)).Count;
        var before = lab.Violations().Count;

        await lab.SucceedAsync(source, "systemctl stop nova-compute");
        await lab.SucceedAsync(source, "systemctl stop nova-compute");
        await lab.SucceedAsync(source, "systemctl start nova-compute");
        await lab.SwitchToNextReleaseAsync(source);
        var upgrade = await lab.SucceedAsync(source, "apt-get install -y nova-compute");
        var added = lab.Violations().Skip(before).ToList();

        upgrade.Output.ShouldContain("Setting up nova-compute");
        added.Count.ShouldBe(2, "one for the stop (the second stop finds it stopped), one for apt's restart");
        added.ShouldAllBe(line => line.Contains($"\t{source} nova-compute stopped on {source} with {count} instance(s): "));
    }

    public void Dispose() => _cloud.Dispose();

    /// <summary>The compute with the most instances (a source worth emptying) and the other one.</summary>
    private async Task<(string Source, string Target)> BusiestFirstAsync()
    {
        var counts = new List<(string Host, int Count)>();
        foreach (var compute in lab.Computes)
        {
            counts.Add((compute, (await Client.ServersOnHostAsync(compute)).Count));
        }
        var ordered = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Host, StringComparer.Ordinal).ToList();
        return (ordered[0].Host, ordered[1].Host);
    }
}
