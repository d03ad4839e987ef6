using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Planning;
using Uplift.Transports;

namespace Uplift.Execution;

/// <summary>
/// Runs one step: journal "running" → its condition, if any (<see cref="StepCondition"/>) → guard → (act → verify) →
/// journal how it ended. Every journal write is committed
/// before the next action, so a killed run resumes from the journal without redoing completed steps.
/// </summary>
internal sealed class StepRunner(
    RunJournal journal, StepHandlers handlers, Func<string, IRemoteShell> shells, TimeProvider time, IRunObserver observer)
{
    /// <param name="asCleanup">An always-run step running after a failure or stop: when it succeeds, the steps it
    /// needs (which it undid: a drain, a compute disable) and itself go back to pending, so a resume redoes them.</param>
    public async Task<StepResult> RunAsync(long runId, string planHash, PlanStep step, bool asCleanup, CancellationToken abort)
    {
        var started = time.GetUtcNow();
        journal.MarkRunning(runId, planHash, step.Id, started);
        observer.On(new RunEvent("step-started", started, step.Id, step.Phase, step.Service, step.Nodes,
            Message: asCleanup ? "cleanup" : null));
        var context = new StepContext(step, shells, time,
            message => observer.On(new RunEvent("message", time.GetUtcNow(), step.Id, step.Phase, step.Service, step.Nodes, Message: message)),
            abort);
        var result = NotNeeded(planHash, step, context) ?? await DoAsync(step, context, abort).ConfigureAwait(false);
        var ended = time.GetUtcNow();
        var reopen = asCleanup && result.State.IsComplete() ? step.Needs.Append(step.Id).ToList() : null;
        journal.Finish(runId, planHash, step.Id, result, started, ended, reopen);
        observer.On(new RunEvent("step-ended", ended, step.Id, step.Phase, step.Service, step.Nodes, result.State.Word(),
            SecretMask.Apply(result.Message), result.ExitCode, (ended - started).TotalSeconds));
        return result;
    }

    /// <summary>A conditional step (<see cref="StepCondition"/>) whose condition the journal says is not met: ended as
    /// found done, nothing run. Null when the step is to run.</summary>
    private StepResult? NotNeeded(string planHash, PlanStep step, StepContext context)
    {
        if (StepCondition.Of(step) is not { } condition)
        {
            return null;
        }
        var exited = journal.Steps(planHash).TryGetValue(condition.StepId, out var record) ? record.ExitCode : null;
        return exited == condition.ExitCode
            ? null
            : Result(StepState.AlreadyDone, context,
                $"not needed: {condition.StepId} exited {exited?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "without a code"}, not {condition.ExitCode}; nothing changed");
    }

    private async Task<StepResult> DoAsync(PlanStep step, StepContext context, CancellationToken abort)
    {
        var handler = handlers.For(step.Kind);
        try
        {
            return await handler.CarryOutAsync(context).ConfigureAwait(false)
                ? Result(StepState.AlreadyDone, context, "found done: nothing changed")
                : Result(StepState.Done, context, "");
        }
        catch (StepFailedException failed)
        {
            return Result(StepState.Failed, context, failed.Message, failed.Result);
        }
        catch (PlanStepException wrong)
        {
            return Result(StepState.Failed, context, wrong.Message);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return Result(StepState.Failed, context, "aborted by the operator while running: resume runs it again");
        }
        catch (Exception unexpected) when (unexpected is FormatException or InvalidOperationException or IOException or ArgumentException)
        {
            return Result(StepState.Failed, context, $"{step.Id}: {unexpected.GetType().Name}: {unexpected.Message}");
        }
    }

    private static StepResult Result(StepState state, StepContext context, string message, CommandResult? command = null)
    {
        command ??= context.LastResult;
        var notes = string.Join("; ", context.Notes.Append(message).Where(n => n.Length > 0));
        return new StepResult(state, command?.ExitCode, command?.StandardOutput ?? "", command?.StandardError ?? "", notes);
    }
}
