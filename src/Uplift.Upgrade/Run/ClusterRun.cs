using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Observation;

namespace Uplift.Upgrade.Run;

/// <summary>
/// One run of a plan on a cluster: takes the cluster's lock (reporting a stale lock it took over), opens its journal
/// under the state directory, runs the executor, releases the lock.
/// </summary>
public sealed class ClusterRun(
    StateDirectory state, StepHandlers handlers, Func<string, IRemoteShell> shells, TimeProvider time,
    IRunObserver observer, IOperatorPrompt prompt, RunControl control, ExecutionOptions? options = null)
{
    /// <summary>Refuses a journal that does not describe the cluster as observed (before the plan is shown); read-only.</summary>
    public static void CheckJournal(StateDirectory state, Plan plan, ClusterObservation observed, ClusterIdentity identity, bool fresh)
    {
        if (fresh || !File.Exists(state.JournalOf(plan.Cluster)))
        {
            return;
        }
        using var journal = RunJournal.Open(state.JournalOf(plan.Cluster));
        JournalTrust.Check(journal, plan, observed, identity);
    }

    /// <param name="observed">What the nodes run now, and which machines they are: the journal is continued only when it
    /// describes them (<see cref="JournalTrust"/>); null runs without that check (tests of the executor alone).</param>
    /// <param name="fresh">Forget the journal's steps of this plan first: start it afresh.</param>
    public async Task<RunSummary> RunAsync(Plan plan, string planJson, (ClusterObservation Nodes, ClusterIdentity Identity)? observed = null, bool fresh = false)
    {
        using var runLock = RunLock.Acquire(state.LockOf(plan.Cluster), time);
        if (runLock.TakenOver is { } stale)
        {
            observer.On(new RunEvent("message", time.GetUtcNow(),
                Message: $"took over the lock of a run that is gone ({stale}); its steps left running are run again, after their guards"));
        }
        using var journal = RunJournal.Open(state.JournalOf(plan.Cluster));
        if (fresh)
        {
            journal.Forget(plan.InputsHash);
        }
        if (observed is { } now)
        {
            JournalTrust.CheckAndRecord(journal, plan, now.Nodes, now.Identity, time.GetUtcNow());
        }
        return await new PlanExecutor(journal, handlers, shells, time, observer, prompt, control, options)
            .RunAsync(plan, planJson).ConfigureAwait(false);
    }
}
