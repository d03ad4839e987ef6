using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Tests.Execution;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.PuppetAgent;

namespace Uplift.Tests.Handlers;

/// <summary>One watched puppet agent run: puppet's detailed exit codes decide (puppet's man page of `agent`).</summary>
public sealed class PuppetRunTests : IDisposable
{
    private readonly ExecutorFixture _run = new();
    private readonly FakeNode _ctl1 = new("ctl1");

    public PuppetRunTests()
    {
        _run.Handlers = StepTable.Create(new StepServices());
        _run.Shells = _ => _ctl1;
    }

    public void Dispose() => _run.Dispose();

    private static Plan Plan => new TestPlan().Class("default", 1).Step("finalize/ctl1/puppet-run", PuppetRunStep.Kind, node: "ctl1").Build();

    [Theory]
    [InlineData(0, "Notice: Applied catalog in 2.31 seconds", "no change")]
    [InlineData(2, "Notice: /Stage[main]/Nova/File[/etc/nova/nova.conf]/content: content changed", "resources changed")]
    public async Task Given_a_run_that_succeeds_When_it_ends_Then_the_step_is_done_and_says_what_puppet_did(int exit, string output, string meaning)
    {
        _ctl1.Answers[Puppet.Run] = (exit, output + "\n");

        var summary = await _run.RunAsync(Plan);

        summary.Outcome.ShouldBe(RunOutcome.Succeeded, summary.Failure);
        _run.Journal.Steps(Plan.InputsHash)["finalize/ctl1/puppet-run"].Message.ShouldContain($"ctl1: puppet agent --test: {meaning}");
    }

    [Theory]
    [InlineData(4, "some resources failed")]
    [InlineData(6, "resources changed and some failed")]
    [InlineData(1, "the run failed or was not attempted")]
    public async Task Given_a_run_with_failures_When_it_ends_Then_the_step_fails_with_puppet_s_last_lines(int exit, string meaning)
    {
        _ctl1.Answers[Puppet.Run] = (exit, "Notice: Applied catalog\nError: /Stage[main]/Neutron/Service[neutron-api]: Failed to call refresh\n");

        var summary = await _run.RunAsync(Plan);

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        var step = _run.Journal.Steps(Plan.InputsHash)["finalize/ctl1/puppet-run"];
        step.State.ShouldBe(StepState.Failed);
        step.Message.ShouldContain($"on ctl1: puppet agent --test: {meaning}");
        step.Message.ShouldContain($"(exit {exit}): Notice: Applied catalog / Error: /Stage[main]/Neutron/Service[neutron-api]: Failed to call refresh");
    }

    [Fact]
    public async Task Given_a_node_without_puppet_When_run_Then_it_is_left_alone()
    {
        _ctl1.Answers[Puppet.Run] = (0, "absent\n");

        var summary = await _run.RunAsync(Plan);

        summary.Outcome.ShouldBe(RunOutcome.Succeeded);
        _run.Journal.Steps(Plan.InputsHash)["finalize/ctl1/puppet-run"].State.ShouldBe(StepState.Done);
    }
}
