using Uplift.Execution;
using Uplift.Testing;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests.Compute;

/// <summary>The compute dance's handlers against an in-memory nova: disable, move instances, refuse a busy host, enable.</summary>
public sealed class ComputeDanceTests : IDisposable
{
    private const string Reason = "uplift run r1: upgrade to dalmatian";
    private readonly TestClock _time = new();
    private readonly FakeCloud _nova = new();
    private readonly ComputeCloud _cloud;

    public ComputeDanceTests() => _cloud = _nova.Cloud(_time);

    [Fact]
    public async Task Given_an_enabled_compute_When_disabled_Then_nova_records_the_runs_reason_and_a_rerun_finds_it_done()
    {
        _nova.Compute("cmp1");
        var handler = new ComputeDisableHandler(_cloud);
        var step = ComputeStep.On("cmp1", ComputeDisableStep.Kind, _time, ("reason", Reason));

        var doneBefore = await handler.IsDoneAsync(step);
        await handler.ActAsync(step);
        await handler.VerifyAsync(step);
        var doneAfter = await handler.IsDoneAsync(ComputeStep.On("cmp1", ComputeDisableStep.Kind, _time, ("reason", Reason)));

        doneBefore.ShouldBeFalse();
        doneAfter.ShouldBeTrue();
        ((string?)_nova.Service("cmp1")["status"], (string?)_nova.Service("cmp1")["disabled_reason"]).ShouldBe(("disabled", Reason));
    }

    [Fact]
    public async Task Given_a_compute_the_operator_disabled_When_the_dance_disables_and_enables_it_Then_it_keeps_the_operators_reason()
    {
        _nova.Compute("cmp1", status: "disabled", reason: "RAM fault, ticket 4711");
        var step = ComputeStep.On("cmp1", ComputeDisableStep.Kind, _time, ("reason", Reason));

        var disableDone = await new ComputeDisableHandler(_cloud).IsDoneAsync(step);
        var enableDone = await new ComputeEnableHandler(_cloud).IsDoneAsync(ComputeStep.On("cmp1", ComputeEnableStep.Kind, _time));

        (disableDone, enableDone).ShouldBe((true, true));
        step.Notes.ShouldHaveSingleItem().ShouldContain("someone else");
        _nova.Requests.ShouldNotContain(r => r.StartsWith("PUT", StringComparison.Ordinal));
        ((string?)_nova.Service("cmp1")["disabled_reason"]).ShouldBe("RAM fault, ticket 4711");
    }

    [Fact]
    public async Task Given_a_compute_uplift_disabled_that_is_up_When_enabled_Then_nova_shows_it_enabled()
    {
        _nova.Compute("cmp1", status: "disabled", reason: Reason);
        var handler = new ComputeEnableHandler(_cloud);
        var step = ComputeStep.On("cmp1", ComputeEnableStep.Kind, _time);

        (await handler.IsDoneAsync(step)).ShouldBeFalse();
        await handler.ActAsync(step);
        await handler.VerifyAsync(step);

        ((string?)_nova.Service("cmp1")["status"]).ShouldBe("enabled");
    }

    [Fact]
    public async Task Given_a_compute_uplift_disabled_that_is_down_When_the_cleanup_enables_it_Then_it_fails_and_the_compute_stays_disabled()
    {
        _nova.Compute("cmp1", status: "disabled", state: "down", reason: Reason);
        var step = ComputeStep.On("cmp1", ComputeEnableStep.Kind, _time);

        var failure = await Should.ThrowAsync<StepFailedException>(() => new ComputeEnableHandler(_cloud).ActAsync(step));

        failure.Message.ShouldContain("nova-compute on cmp1 is down: it stays disabled");
        ((string?)_nova.Service("cmp1")["status"]).ShouldBe("disabled");
    }

    [Fact]
    public async Task Given_two_instances_on_a_compute_When_migrated_Then_both_run_elsewhere_and_the_check_passes()
    {
        _nova.Compute("cmp1").Instance("cmp1", "web-1").Instance("cmp1", "web-2").Instance("cmp2", "db-1");
        var handler = new ComputeMigrateHandler(_cloud, new OpenStack.LiveMigrationOptions { PollInterval = TimeSpan.FromSeconds(5) });
        var step = ComputeStep.On("cmp1", ComputeMigrateInstancesStep.Kind, _time, ("block-migration", "auto"));

        (await handler.IsDoneAsync(step)).ShouldBeFalse();
        await _time.TickUntilAsync(handler.ActAsync(step));
        await new ComputeCheckEmptyHandler(_cloud).ActAsync(ComputeStep.On("cmp1", ComputeCheckEmptyStep.Kind, _time));

        _nova.Servers.Select(s => (string?)s["OS-EXT-SRV-ATTR:host"]).ShouldBe(["cmp9", "cmp9", "cmp2"]);
        _nova.Requests.Count(r => r.EndsWith("/action", StringComparison.Ordinal)).ShouldBe(2);
        (await handler.IsDoneAsync(ComputeStep.On("cmp1", ComputeMigrateInstancesStep.Kind, _time))).ShouldBeTrue();
    }

    [Fact]
    public async Task Given_an_instance_that_goes_to_error_When_migrated_Then_the_step_fails_naming_the_host()
    {
        _nova.Compute("cmp1").Instance("cmp1", "web-1");
        _nova.MigrationsFail = true;
        var handler = new ComputeMigrateHandler(_cloud);
        var step = ComputeStep.On("cmp1", ComputeMigrateInstancesStep.Kind, _time);

        var failure = await Should.ThrowAsync<StepFailedException>(() => _time.TickUntilAsync(handler.ActAsync(step)));

        failure.Message.ShouldContain("1 of 1 instance(s) did not leave cmp1");
        failure.Message.ShouldContain("ERROR");
    }

    [Fact]
    public async Task Given_instances_left_on_a_compute_When_checked_empty_Then_the_step_fails_with_the_host_and_count()
    {
        _nova.Compute("cmp1").Instance("cmp1", "web-1").Instance("cmp1", "web-2");

        var failure = await Should.ThrowAsync<StepFailedException>(
            () => new ComputeCheckEmptyHandler(_cloud).ActAsync(ComputeStep.On("cmp1", ComputeCheckEmptyStep.Kind, _time)));

        failure.Message.ShouldStartWith("cmp1 still runs 2 instance(s) (web-1, web-2)");
        failure.Message.ShouldContain("--allow-instances");
    }

    [Fact]
    public async Task Given_a_host_nova_does_not_know_When_disabled_Then_the_step_fails_saying_so()
    {
        _nova.Compute("compute-01");

        var failure = await Should.ThrowAsync<StepFailedException>(
            () => new ComputeDisableHandler(_cloud).IsDoneAsync(ComputeStep.On("cmp1", ComputeDisableStep.Kind, _time, ("reason", Reason))));

        failure.Message.ShouldContain("nova has no nova-compute service on host 'cmp1'");
    }

    public void Dispose()
    {
        _cloud.Dispose();
        _nova.Dispose();
    }
}
