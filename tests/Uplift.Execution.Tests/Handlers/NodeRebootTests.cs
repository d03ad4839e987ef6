using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Tests.Execution;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Nodes;

namespace Uplift.Tests.Handlers;

/// <summary>A node rebooted in its own window only when its packages need it, and waited for until it is back.</summary>
public sealed class NodeRebootTests : IDisposable
{
    private const string Step = "computes/cmp1/reboot";
    private const string Before = "6f1d3a52-95a5-4c1b-9d1e-0c3c1a7b9a10";
    private const string After = "0b8e6d7c-2f4a-4e55-8a61-7d2c9e3f4b21";
    private readonly ExecutorFixture _run = new();
    private readonly FakeNode _cmp1 = new("cmp1");

    public NodeRebootTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        _run.Shells = _ => _cmp1;
        _cmp1.Answers[Reboot.Start] = (0, "");
        _cmp1.Answers[Reboot.BootId] = (0, Before + "\n");
        _cmp1.Answers[Reboot.WaitUntilBooted] = (0, "running\n");
    }

    public void Dispose() => _run.Dispose();

    /// <summary>Boot id reads alone (the query starts with the same command).</summary>
    private int Polls()
    {
        lock (_cmp1.Log)
        {
            return _cmp1.Log.Count(c => c == Reboot.BootId);
        }
    }

    private static Plan Plan => new TestPlan().Class("default", 1).Step(Step, NodeRebootStep.Kind, node: "cmp1").Build();

    [Theory]
    [InlineData("6f1d3a52-95a5-4c1b-9d1e-0c3c1a7b9a10\nrequired: kernel 6.1.0-31-amd64 installed, 6.1.0-28-amd64 running\n", "kernel 6.1.0-31-amd64 installed, 6.1.0-28-amd64 running")]
    [InlineData("6f1d3a52-95a5-4c1b-9d1e-0c3c1a7b9a10\nrequired: /run/reboot-required (openvswitch-switch )\n", "/run/reboot-required (openvswitch-switch )")]
    [InlineData("6f1d3a52-95a5-4c1b-9d1e-0c3c1a7b9a10\nnot-required\n", null)]
    public void The_query_says_why_a_reboot_is_needed(string output, string? why) =>
        Reboot.Read(output).ShouldBe((Before, why));

    [Theory]
    [InlineData("")]
    [InlineData("not a boot id\nnot-required\n")]
    [InlineData("6f1d3a52-95a5-4c1b-9d1e-0c3c1a7b9a10\nmaybe\n")]
    public void Output_the_query_never_prints_is_a_format_error(string output) =>
        Should.Throw<FormatException>(() => Reboot.Read(output));

    [Fact]
    public async Task Given_a_node_that_needs_no_reboot_When_run_Then_it_is_left_alone()
    {
        _cmp1.Answers[Reboot.Query] = (0, Before + "\nnot-required\n");

        var summary = await _run.RunAsync(Plan);

        summary.Outcome.ShouldBe(RunOutcome.Succeeded);
        _run.Journal.Steps(Plan.InputsHash)[Step].State.ShouldBe(StepState.AlreadyDone);
        _cmp1.Count(Reboot.Start).ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_new_kernel_When_run_Then_the_node_reboots_and_the_step_ends_once_it_is_back_with_a_new_boot_id_and_running()
    {
        _cmp1.Answers[Reboot.Query] = (0, Before + "\nrequired: kernel 6.1.0-31-amd64 installed, 6.1.0-28-amd64 running\n");

        var running = _run.RunAsync(Plan);
        await Eventually.True(() => _cmp1.Count(Reboot.Start) == 1 && _run.Time.PendingTimers > 0, "the reboot starts, then the wait");
        _cmp1.Reachable = false;
        _run.Time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.True(() => _run.Time.PendingTimers > 0 && _cmp1.Count(Reboot.WaitUntilBooted) == 0, "unreachable: it waits again");
        _cmp1.Reachable = true;
        _cmp1.Answers[Reboot.BootId] = (0, After + "\n");
        _run.Time.Advance(TimeSpan.FromSeconds(5));
        var summary = await running;

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        var step = _run.Journal.Steps(Plan.InputsHash)[Step];
        step.State.ShouldBe(StepState.Done);
        step.Message.ShouldContain("cmp1: reboot required: kernel 6.1.0-31-amd64 installed");
        step.Message.ShouldContain("cmp1: rebooted and back in 10 s");
    }

    [Fact]
    public async Task Given_a_node_that_never_comes_back_When_the_timeout_passes_Then_the_step_fails_saying_so()
    {
        _cmp1.Answers[Reboot.Query] = (0, Before + "\nrequired: /run/reboot-required\n");

        var running = _run.RunAsync(Plan);
        for (var waited = 0; waited < 900; waited += 5)
        {
            var polls = waited / 5;
            await Eventually.True(() => Polls() == polls && _run.Time.PendingTimers > 0, $"poll {polls} waits");
            _run.Time.Advance(TimeSpan.FromSeconds(5));
        }
        var summary = await running;

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        _run.Journal.Steps(Plan.InputsHash)[Step].Message.ShouldContain("cmp1 is not back from its reboot after 900 s (it answers with the same boot id: it did not reboot)");
    }

    [Fact]
    public async Task Given_a_node_back_with_a_failed_unit_When_it_is_booted_Then_the_step_fails_naming_the_unit()
    {
        _cmp1.Answers[Reboot.Query] = (0, Before + "\nrequired: /run/reboot-required\n");
        _cmp1.Answers[Reboot.WaitUntilBooted] = (1, "degraded\n");
        _cmp1.Answers[Reboot.FailedUnits] = (0, "nova-compute.service loaded failed failed OpenStack Compute\n");

        var running = _run.RunAsync(Plan);
        await Eventually.True(() => _cmp1.Count(Reboot.Start) == 1 && _run.Time.PendingTimers > 0, "the reboot starts");
        _cmp1.Answers[Reboot.BootId] = (0, After + "\n");
        _run.Time.Advance(TimeSpan.FromSeconds(5));
        var summary = await running;

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        _run.Journal.Steps(Plan.InputsHash)[Step].Message.ShouldContain("cmp1 rebooted but its system is degraded: failed units: nova-compute.service");
    }
}
