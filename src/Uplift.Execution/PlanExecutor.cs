using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Planning;
using Uplift.Transports;

namespace Uplift.Execution;

/// <summary>
/// Walks a plan's DAG: a step starts when every step it needs has succeeded and every step it follows has ended, and
/// its concurrency class has a free slot (a sliding window: the next step starts as soon as one ends; a step's
/// PauseAfterSeconds holds its slot a while longer). Steps the journal has done are skipped without touching a node.
/// After a failure (beyond a group's failure budget) or a stop, nothing new starts; running steps finish; then the
/// always-run cleanup steps whose needs succeeded run. An abort cancels running commands and runs no cleanup.
/// </summary>
public sealed class PlanExecutor(
    RunJournal journal,
    StepHandlers handlers,
    Func<string, IRemoteShell> shells,
    TimeProvider time,
    IRunObserver observer,
    IOperatorPrompt prompt,
    RunControl control,
    ExecutionOptions? options = null)
{
    private readonly ExecutionOptions _options = options ?? ExecutionOptions.Default;

    public async Task<RunSummary> RunAsync(Plan plan, string planJson)
    {
        Validate(plan);
        var known = journal.Steps(plan.InputsHash);
        var runId = journal.StartRun(plan.InputsHash, planJson, time.GetUtcNow());
        var runner = new StepRunner(journal, handlers, shells, time, observer);
        var walk = new Walk(plan, known, s => handlers.For(s.Kind).LooksAgainEveryRun);
        observer.On(new RunEvent("run-started", time.GetUtcNow(), Message: $"run {runId} of {plan.Cluster}",
            Total: plan.Steps.Count, State: walk.AlreadyComplete.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var budget = new FailureBudget(plan.Steps);
        var running = new Dictionary<Task, (PlanStep Step, bool Pause)>();
        var slots = new ClassSlots(plan, s => walk.Status[s.Id] == StepStatus.Succeeded);
        var asked = new HashSet<string>();
        var stopping = false;
        string? failure = null;
        // Wake the loop on the next interrupt it has not seen yet: a stop while running, then an abort.
        var (stopSignal, abortSignal, never) = (Until(control.Stopping), Until(control.Aborting), new TaskCompletionSource().Task);
        while (true)
        {
            if (control.StopRequested && !stopping)
            {
                stopping = true;
                observer.On(new RunEvent("run-stopping", time.GetUtcNow(), Message: control.AbortRequested
                    ? "aborting: running commands are cancelled, no cleanup runs"
                    : "stopping: running steps finish, then cleanup steps run"));
            }
            walk.Settle(stopping, control.AbortRequested, (step, status) =>
            {
                slots.Drop(step);
                if (status == StepStatus.Skipped)
                {
                    journal.Finish(runId, plan.InputsHash, step.Id,
                        new StepResult(StepState.Skipped, Message: "not run: a step it needs failed"), time.GetUtcNow(), time.GetUtcNow());
                }
            });
            // Stopping: cleanups start once the steps still running have ended (a server goes back into HAProxy only
            // after the unit being stopped or installed on it is no longer in the middle of it).
            var holdCleanups = stopping && running.Values.Any(r => !r.Pause && !r.Step.AlwaysRun);
            foreach (var step in walk.Ready())
            {
                if ((holdCleanups && step.AlwaysRun) || !slots.HasRoom(step))
                {
                    continue;
                }
                if (!step.AlwaysRun && !await ApprovedAsync(plan, step, asked).ConfigureAwait(false))
                {
                    control.Stop();
                    break;
                }
                walk.Status[step.Id] = StepStatus.Running;
                slots.Take(step);
                var asCleanup = step.AlwaysRun && (stopping || walk.AnyAfterUnsuccessful(step));
                running[Task.Run(() => runner.RunAsync(runId, plan.InputsHash, step, asCleanup, control.Aborting))] = (step, false);
            }
            if (running.Count == 0)
            {
                if (control.StopRequested && !stopping)
                {
                    continue;
                }
                break;
            }
            var signal = !stopping ? stopSignal : !control.AbortRequested ? abortSignal : never;
            var finished = await Task.WhenAny(running.Keys.Append(signal)).ConfigureAwait(false);
            if (finished == signal)
            {
                continue;
            }
            var (owner, pause) = running[finished];
            running.Remove(finished);
            if (pause)
            {
                slots.Release(owner);
                continue;
            }
            var result = await ((Task<StepResult>)finished).ConfigureAwait(false);
            walk.Status[owner.Id] = result.State.IsComplete() ? StepStatus.Succeeded : StepStatus.Failed;
            if (result.State == StepState.Failed)
            {
                failure ??= $"{owner.Id}: {result.Message}";
                if (!budget.Tolerates(owner) && !stopping)
                {
                    control.Stop();
                }
            }
            if (owner.PauseAfterSeconds > 0 && result.State == StepState.Done && !control.AbortRequested)
            {
                running[PauseAsync(owner)] = (owner, true);
            }
            else
            {
                slots.Release(owner);
            }
        }
        walk.LeaveWaitingAsNotRun();
        var outcome = control.AbortRequested ? RunOutcome.Aborted
            : walk.Status.Values.Any(s => s is StepStatus.Failed or StepStatus.Skipped) ? RunOutcome.Failed
            : walk.Status.Values.Any(s => s == StepStatus.NotRun) ? RunOutcome.Stopped
            : RunOutcome.Succeeded;
        journal.EndRun(runId, outcome.ToString().ToLowerInvariant(), time.GetUtcNow());
        observer.On(new RunEvent("run-ended", time.GetUtcNow(), State: outcome.ToString().ToLowerInvariant(), Message: failure));
        var states = journal.Steps(plan.InputsHash);
        return new RunSummary(runId, outcome,
            plan.Steps.ToDictionary(s => s.Id, s => states.TryGetValue(s.Id, out var r) ? r.State : StepState.Pending), failure);
    }

    // Holds the step's class slot for its pause (neutron agents one after another, 30 s apart); ends early on abort.
    private async Task PauseAsync(PlanStep step)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(step.PauseAfterSeconds), time, control.Aborting).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Task Until(CancellationToken token) =>
        Task.Delay(Timeout.Infinite, token).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    private async Task<bool> ApprovedAsync(Plan plan, PlanStep step, HashSet<string> asked)
    {
        if (IsMilestone(step))
        {
            return true;
        }
        var pauses = _options.PauseBefore ?? [];
        foreach (var (key, what) in new[] { ("phase:" + step.Phase, $"phase {step.Phase}"), ("service:" + step.Service, $"service {step.Service}") })
        {
            var name = key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var matches = name.Length > 0 && pauses.Any(p => p == name || name.EndsWith("/" + p, StringComparison.Ordinal));
            if (matches && asked.Add(key) &&
                !await prompt.ConfirmAsync($"Breakpoint before {what} (next step {step.Id}). Continue?", true, control.Stopping).ConfigureAwait(false))
            {
                return false;
            }
        }
        if (_options.ApproveEachGroup && asked.Add("group:" + step.Group))
        {
            var count = plan.Steps.Count(s => s.Group == step.Group);
            return await prompt.ConfirmAsync($"Start {step.Group} ({count} steps, first {step.Id})?", false, control.Stopping).ConfigureAwait(false);
        }
        return true;
    }

    private static bool IsMilestone(PlanStep step) => step.Kind == StepKind.Milestone;

    private void Validate(Plan plan)
    {
        var ids = new HashSet<string>();
        var problems = new List<Diagnostic>();
        foreach (var step in plan.Steps)
        {
            if (!handlers.Carries(step.Kind))
            {
                problems.Add(new Diagnostic($"step {step.Id} is of kind {step.Kind}, which this uplift does not carry out",
                    Hint: "the plan was made by another version of uplift: plan again with this one (uplift plan, or uplift run --fresh)"));
            }
            if (!ids.Add(step.Id))
            {
                problems.Add(new Diagnostic($"step id {step.Id} appears twice", Hint: "the plan file is damaged: plan again"));
            }
            foreach (var other in step.Needs.Concat(step.After).Where(o => !ids.Contains(o)))
            {
                problems.Add(new Diagnostic($"step {step.Id} depends on {other}, which is not an earlier step of the plan",
                    Hint: "the plan file is damaged or was edited: plan again"));
            }
            try
            {
                if (StepCondition.Of(step) is { } condition && !ids.Contains(condition.StepId))
                {
                    problems.Add(new Diagnostic($"step {step.Id} runs only if {condition.StepId} exited {condition.ExitCode}, which is not an earlier step of the plan",
                        Hint: "the plan file is damaged or was edited: plan again"));
                }
            }
            catch (FormatException bad)
            {
                problems.Add(new Diagnostic(bad.Message, Hint: "the plan file is damaged or was edited: plan again"));
            }
        }
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }
}
