using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Tests.Execution;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.MessageQueue;

namespace Uplift.Tests.Handlers;

/// <summary>After RabbitMQ's package on a node, the next node waits until the cluster is whole again (real cluster_status
/// output of RabbitMQ 3.10.8, Samples/rabbitmqctl).</summary>
public sealed class RabbitmqHealthTests : IDisposable
{
    private const string Step = "infrastructure/ctl1/rabbitmq-health";
    private readonly ExecutorFixture _run = new();
    private readonly FakeNode _ctl1 = new("ctl1");

    public RabbitmqHealthTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        _run.Shells = _ => _ctl1;
        _ctl1.Answers[RabbitmqHealthHandler.HasRabbitmq] = (0, "");
        _ctl1.Answers[Rabbitmq.AwaitStartup] = (0, "");
    }

    public void Dispose() => _run.Dispose();

    private static Plan Plan => new TestPlan().Class("default", 1).Step(Step, RabbitmqHealthStep.Kind, node: "ctl1").Build();

    private static string Sample(string name) =>
        File.ReadAllText(Fixtures.Project($"tests/Uplift.Execution.Tests/Samples/rabbitmqctl/{name}"));

    [Fact]
    public async Task Given_a_whole_cluster_When_checked_Then_the_step_is_done_and_says_so()
    {
        _ctl1.Answers[Rabbitmq.ClusterStatus] = (0, Sample("cluster_status_two_running.stdout.txt"));

        var summary = await _run.RunAsync(Plan);

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        _run.Journal.Steps(Plan.InputsHash)[Step].Message.ShouldContain("ctl1: RabbitMQ cluster whole, 2 of 2 members running");
    }

    [Fact]
    public async Task Given_a_member_still_stopped_When_it_comes_back_Then_the_step_waits_for_it_and_ends_done()
    {
        _ctl1.Answers[Rabbitmq.ClusterStatus] = (0, Sample("cluster_status_member_stopped.stdout.txt"));

        var running = _run.RunAsync(Plan);
        await Eventually.True(() => _ctl1.Count(Rabbitmq.ClusterStatus) == 1 && _run.Time.PendingTimers > 0, "the first look finds rabbit2 stopped and waits");
        _ctl1.Answers[Rabbitmq.ClusterStatus] = (0, Sample("cluster_status_two_running.stdout.txt"));
        _run.Time.Advance(TimeSpan.FromSeconds(5));
        var summary = await running;

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        _ctl1.Count(Rabbitmq.ClusterStatus).ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_member_that_stays_stopped_When_the_timeout_passes_Then_the_step_fails_naming_it()
    {
        _ctl1.Answers[Rabbitmq.ClusterStatus] = (0, Sample("cluster_status_member_stopped.stdout.txt"));

        var running = _run.RunAsync(Plan);
        for (var waited = 0; waited < 600; waited += 5)
        {
            var looks = waited / 5 + 1;
            await Eventually.True(() => _ctl1.Count(Rabbitmq.ClusterStatus) == looks && _run.Time.PendingTimers > 0, $"look {looks} waits");
            _run.Time.Advance(TimeSpan.FromSeconds(5));
        }
        var summary = await running;

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        var step = _run.Journal.Steps(Plan.InputsHash)[Step];
        step.State.ShouldBe(StepState.Failed);
        step.Message.ShouldContain("RabbitMQ on ctl1 is not whole after 600 s: 1 of 2 members running (rabbit2@vm stopped)");
    }

    [Fact]
    public async Task Given_a_node_whose_rabbitmq_does_not_start_When_checked_Then_await_startup_s_error_is_what_it_waits_on()
    {
        _ctl1.Answers[Rabbitmq.AwaitStartup] = (69, "");
        _ctl1.Answers[Rabbitmq.ClusterStatus] = (0, Sample("cluster_status_two_running.stdout.txt"));

        var running = _run.RunAsync(Plan);
        await Eventually.True(() => _ctl1.Count(Rabbitmq.AwaitStartup) == 1 && _run.Time.PendingTimers > 0, "await_startup failed once");

        _ctl1.Count(Rabbitmq.ClusterStatus).ShouldBe(0, "cluster_status is asked only of a node that runs");
        _ctl1.Answers[Rabbitmq.AwaitStartup] = (0, "");
        _run.Time.Advance(TimeSpan.FromSeconds(5));
        (await running).Outcome.ShouldBe(RunOutcome.Succeeded);
    }

    [Fact]
    public async Task Given_a_node_without_rabbitmqctl_When_checked_Then_there_is_nothing_to_wait_for()
    {
        _ctl1.Answers[RabbitmqHealthHandler.HasRabbitmq] = (1, "");

        var summary = await _run.RunAsync(Plan);

        summary.Outcome.ShouldBe(RunOutcome.Succeeded);
        _ctl1.Count(Rabbitmq.ClusterStatus).ShouldBe(0);
        _run.Journal.Steps(Plan.InputsHash)[Step].Message.ShouldContain("no rabbitmqctl");
    }
}
