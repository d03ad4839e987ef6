using Uplift.Execution;
using Uplift.Testing;
using Uplift.Upgrade.Steps.ApiChecks;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests.Compute;

/// <summary>Waiting for a restarted compute, the all-services-up check and the smoke test, against an in-memory cloud.</summary>
public sealed class ServiceChecksTests : IDisposable
{
    private readonly TestClock _time = new();
    private readonly FakeCloud _nova = new();
    private readonly ComputeCloud _cloud;

    public ServiceChecksTests() => _cloud = _nova.Cloud(_time);

    [Fact]
    public async Task Given_a_compute_that_never_comes_back_When_waited_for_Then_the_step_fails_after_the_timeout_saying_it_stays_disabled()
    {
        _nova.Compute("cmp1", status: "disabled", state: "down", reason: "uplift: upgrade to dalmatian");
        var handler = new ComputeWaitUpHandler(_cloud, timeout: TimeSpan.FromMinutes(2), interval: TimeSpan.FromSeconds(10));
        var step = ComputeStep.On("cmp1", ComputeWaitUpStep.Kind, _time, ("release", "dalmatian"));
        var started = _time.GetUtcNow();

        var failure = await Should.ThrowAsync<StepFailedException>(() => _time.TickUntilAsync(handler.ActAsync(step)));

        failure.Message.ShouldStartWith("nova-compute on cmp1 did not come back within 2 min (state down");
        failure.Message.ShouldContain("it stays disabled");
        (_time.GetUtcNow() - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(2));
        _nova.Requests.Count(r => r.StartsWith("GET /compute/v2.1/os-services", StringComparison.Ordinal)).ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Given_a_compute_whose_heartbeat_returns_When_waited_for_Then_the_step_ends_once_nova_says_up()
    {
        _nova.Compute("cmp1", status: "disabled", state: "down", reason: "uplift: upgrade to dalmatian");
        var handler = new ComputeWaitUpHandler(_cloud, timeout: TimeSpan.FromMinutes(10), interval: TimeSpan.FromSeconds(5));
        var step = ComputeStep.On("cmp1", ComputeWaitUpStep.Kind, _time);

        var waiting = handler.ActAsync(step);
        await _time.TickUntilAsync(Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(30), _time)));
        waiting.IsCompleted.ShouldBeFalse();
        _nova.Service("cmp1")["state"] = "up";
        await _time.TickUntilAsync(waiting);

        step.Notes.ShouldContain("nova-compute on cmp1 is up");
    }

    [Fact]
    public async Task Given_a_compute_still_up_on_its_old_heartbeat_When_waited_for_Then_the_step_ends_only_on_a_newer_report()
    {
        _nova.Compute("cmp1", status: "disabled", state: "up", reason: "uplift: upgrade to dalmatian");
        var handler = new ComputeWaitUpHandler(_cloud, timeout: TimeSpan.FromMinutes(10), interval: TimeSpan.FromSeconds(5));
        var step = ComputeStep.On("cmp1", ComputeWaitUpStep.Kind, _time);

        var waiting = handler.ActAsync(step);
        await _time.TickUntilAsync(Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(30), _time)));
        waiting.IsCompleted.ShouldBeFalse("nova says up, but from the report the stopped process sent last");
        _nova.Service("cmp1")["updated_at"] = "2026-11-21T12:00:31.000000";
        await _time.TickUntilAsync(waiting);

        step.Notes.ShouldContain("nova-compute on cmp1 is up");
    }

    [Fact]
    public async Task Given_a_compute_down_and_a_dead_agent_When_services_are_checked_Then_both_are_named_and_an_operators_disable_is_only_noted()
    {
        _nova.Compute("cmp1").Compute("cmp2", state: "down").Compute("cmp3", status: "disabled", reason: "RAM fault");
        _nova.Agents.Add(new() { ["id"] = "a1", ["agent_type"] = "Open vSwitch agent", ["binary"] = "neutron-openvswitch-agent", ["host"] = "net1", ["alive"] = false, ["admin_state_up"] = true });
        var step = ComputeStep.Cluster(CheckServicesUpStep.Kind, _time, ("services", "keystone nova neutron cinder"));

        var failure = await Should.ThrowAsync<StepFailedException>(() => new ServicesUpHandler(_cloud).ActAsync(step));

        failure.Message.ShouldStartWith("2 service(s) not healthy");
        failure.Message.ShouldContain("nova nova-compute on cmp2: down");
        failure.Message.ShouldContain("neutron Open vSwitch agent (neutron-openvswitch-agent) on net1: not alive");
        step.Notes.ShouldContain("nova nova-compute on cmp3: disabled (RAM fault)");
    }

    [Fact]
    public async Task Given_a_plan_without_neutron_When_services_are_checked_Then_only_nova_is_asked()
    {
        _nova.Compute("cmp1");
        var step = ComputeStep.Cluster(CheckServicesUpStep.Kind, _time, ("services", "keystone nova"));

        await new ServicesUpHandler(_cloud).ActAsync(step);

        _nova.Requests.ShouldNotContain(r => r.Contains("/network/", StringComparison.Ordinal) || r.Contains("/volume/", StringComparison.Ordinal));
        step.Notes.ShouldContain("1 nova services up");
    }

    [Fact]
    public async Task Given_a_working_cloud_When_the_smoke_test_runs_Then_keystone_issues_a_new_token_and_nova_lists_servers()
    {
        _nova.Compute("cmp1");
        await new ServicesUpHandler(_cloud).ActAsync(ComputeStep.Cluster(CheckServicesUpStep.Kind, _time, ("services", "nova")));
        var step = ComputeStep.Cluster(PostCheckStep.Kind, _time, ("checks", "issue-token list-servers"));

        await new SmokeTestHandler(_cloud).ActAsync(step);

        _nova.TokensIssued.ShouldBe(2);
        _nova.Requests.ShouldContain("GET /compute/v2.1/servers?all_tenants=1&limit=1");
        step.Notes.ShouldBe(["keystone issued a token", "nova listed servers"]);
    }

    public void Dispose()
    {
        _cloud.Dispose();
        _nova.Dispose();
    }
}
