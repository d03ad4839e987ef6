using Uplift.Journal;
using Uplift.Planning;
using Uplift.Progress;
using Uplift.Transports;

namespace Uplift.Execution;

/// <summary>
/// One run of a plan on a cluster: takes the cluster's lock (reporting a stale lock it took over), opens its journal
/// under the state directory, runs the executor, releases the lock.
/// </summary>
public sealed class ClusterRun(
    StateDirectory state, StepHandlers handlers, Func<string, IRemoteShell> shells, TimeProvider time,
    IRunObserver observer, IOperatorPrompt prompt, RunControl control, ExecutionOptions? options = null)
{
    public async Task<RunSummary> RunAsync(Plan plan, string planJson)
    {
        using var runLock = RunLock.Acquire(state.LockOf(plan.Cluster), time);
        if (runLock.TakenOver is { } stale)
        {
            observer.On(new RunEvent("message", time.GetUtcNow(),
                Message: $"took over the lock of a run that is gone ({stale}); its steps left running are run again, after their guards"));
        }
        using var journal = RunJournal.Open(state.JournalOf(plan.Cluster));
        return await new PlanExecutor(journal, handlers, shells, time, observer, prompt, control, options)
            .RunAsync(plan, planJson).ConfigureAwait(false);
    }
}
