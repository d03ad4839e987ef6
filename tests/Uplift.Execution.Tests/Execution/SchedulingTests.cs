using Uplift.Execution;
using Uplift.Execution.Journal;

namespace Uplift.Tests.Execution;

public sealed class SchedulingTests : IDisposable
{
    private readonly ExecutorFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Given_a_step_that_needs_another_When_run_Then_it_starts_only_after_the_other_ended()
    {
        var plan = new TestPlan().Class("default", 4).Step("a").Step("b", needs: ["a"]).Build();
        var hold = _run.Handler.Holds["a"] = new TaskCompletionSource();

        var running = _run.RunAsync(plan);
        await Eventually.True(() => _run.Handler.Acted.Contains("a"), "a starts");
        _run.Handler.Started.ShouldNotContain("b");
        hold.SetResult();
        var summary = await running;

        summary.Outcome.ShouldBe(RunOutcome.Succeeded);
        _run.Handler.Ended.IndexOf("a").ShouldBeLessThan(_run.Handler.Started.IndexOf("b"));
    }

    [Fact]
    public async Task Given_a_tolerated_failure_When_run_Then_steps_that_need_it_are_skipped_and_steps_after_it_run()
    {
        var plan = new TestPlan().Class("default", 4)
            .Step("upgrade-c1", node: "c1", group: "batch 1", arguments: ("max-fail-percent", "50"))
            .Step("enable-c1", node: "c1", group: "batch 1", needs: ["upgrade-c1"])
            .Step("report-c1", node: "c1", group: "batch 1", after: ["upgrade-c1"])
            .Step("upgrade-c2", node: "c2", group: "batch 1")
            .Step("enable-c2", node: "c2", group: "batch 1", needs: ["upgrade-c2"])
            .Build();
        _run.Handler.Failing.Add("upgrade-c1");

        var summary = await _run.RunAsync(plan);

        summary.Outcome.ShouldBe(RunOutcome.Failed);
        summary.States["enable-c1"].ShouldBe(StepState.Skipped);
        summary.States["report-c1"].ShouldBe(StepState.Done);
        summary.States["enable-c2"].ShouldBe(StepState.Done);
        _run.Handler.Acted.ShouldNotContain("enable-c1");
    }

    [Fact]
    public async Task Given_failures_beyond_the_budget_When_run_Then_the_run_stops()
    {
        var plan = new TestPlan().Class("default", 1)
            .Step("upgrade-c1", node: "c1", group: "batch 1", arguments: ("max-fail-percent", "50"))
            .Step("upgrade-c2", node: "c2", group: "batch 1")
            .Step("upgrade-c3", node: "c3", group: "batch 1")
            .Step("upgrade-c4", node: "c4", group: "batch 1")
            .Build();
        _run.Handler.Failing.UnionWith(["upgrade-c1", "upgrade-c2", "upgrade-c3"]);

        var summary = await _run.RunAsync(plan);

        _run.Handler.Acted.ShouldBe(["upgrade-c1", "upgrade-c2", "upgrade-c3"]);
        summary.States["upgrade-c4"].ShouldBe(StepState.Pending);
        summary.Failure!.ShouldContain("upgrade-c1");
    }

    [Fact]
    public async Task Given_ten_steps_in_a_class_of_three_When_run_Then_never_more_than_three_run_and_the_window_slides()
    {
        var plan = new TestPlan().Class("prepare", 3);
        for (var i = 0; i < 10; i++)
        {
            plan.Step($"p{i}", cls: "prepare", node: $"n{i}");
            _run.Handler.Holds[$"p{i}"] = new TaskCompletionSource();
        }

        var running = _run.RunAsync(plan.Build());
        await Eventually.True(() => _run.Handler.Acted.Count == 3, "three start");
        _run.Handler.Holds["p1"].SetResult();
        await Eventually.True(() => _run.Handler.Acted.Count == 4, "a fourth starts when one ends");
        _run.Handler.Acted.ShouldBe(["p0", "p1", "p2", "p3"], ignoreOrder: true);
        foreach (var hold in _run.Handler.Holds.Values)
        {
            hold.TrySetResult();
        }
        var summary = await running;

        summary.Outcome.ShouldBe(RunOutcome.Succeeded);
        _run.Handler.MostAtOnce["prepare"].ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_pause_after_a_step_When_run_Then_the_next_step_of_its_class_waits_for_the_pause()
    {
        var plan = new TestPlan().Class("agents", 1)
            .Step("agents-n1", cls: "agents", node: "n1", pause: 30)
            .Step("agents-n2", cls: "agents", node: "n2", pause: 30)
            .Build();

        var running = _run.RunAsync(plan);
        await Eventually.True(() => _run.Handler.Ended.Contains("agents-n1") && _run.Time.PendingTimers > 0, "n1 ends and its pause begins");
        _run.Handler.Started.ShouldNotContain("agents-n2");
        _run.Time.Advance(TimeSpan.FromSeconds(29));
        _run.Time.PendingTimers.ShouldBe(1, "29 of the 30 seconds: the pause that holds n2 back has not ended");
        _run.Handler.Started.ShouldNotContain("agents-n2");
        _run.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.True(() => _run.Handler.Ended.Contains("agents-n2") && _run.Time.PendingTimers > 0, "n2 runs once the pause is over, then pauses");
        _run.Time.Advance(TimeSpan.FromSeconds(30));

        (await running).Outcome.ShouldBe(RunOutcome.Succeeded);
    }

    [Fact]
    public async Task Given_a_finished_run_When_run_again_Then_no_step_acts_and_every_step_is_found_done()
    {
        var plan = new TestPlan().Class("default", 2).Step("a").Step("b", needs: ["a"]).Step("c", after: ["b"]).Build();
        await _run.RunAsync(plan);
        _run.Handler.Acted.Clear();
        _run.Restart();

        var again = await _run.RunAsync(plan);

        again.Outcome.ShouldBe(RunOutcome.Succeeded);
        _run.Handler.Started.Count.ShouldBe(3, "only the first run asked the guards");
        _run.Handler.Acted.ShouldBeEmpty();
        _run.Events.Last(e => e.Kind == "run-started").State.ShouldBe("3");
    }

    [Fact]
    public async Task Given_a_guard_that_finds_the_work_done_When_run_Then_the_step_is_already_done_without_acting()
    {
        var plan = new TestPlan().Step("a").Step("b").Build();
        _run.Handler.AlreadyDone.Add("a");

        var summary = await _run.RunAsync(plan);

        summary.States["a"].ShouldBe(StepState.AlreadyDone);
        summary.States["b"].ShouldBe(StepState.Done);
        _run.Handler.Acted.ShouldBe(["b"]);
    }
}
