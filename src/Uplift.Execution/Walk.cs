using Uplift.Execution.Journal;
using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>The executor's view of the plan's steps during one run: which can start, which can never run.</summary>
internal sealed class Walk
{
    private readonly Plan _plan;

    /// <param name="looksAgain">Steps never taken from the journal (<see cref="IStepHandler.LooksAgainEveryRun"/>).</param>
    public Walk(Plan plan, IReadOnlyDictionary<string, StepRecord> known, Func<PlanStep, bool> looksAgain)
    {
        _plan = plan;
        foreach (var step in plan.Steps)
        {
            var done = known.TryGetValue(step.Id, out var record) && record.State.IsComplete() && !looksAgain(step);
            Status[step.Id] = done ? StepStatus.Succeeded : StepStatus.Waiting;
            AlreadyComplete += done ? 1 : 0;
        }
    }

    public Dictionary<string, StepStatus> Status { get; } = [];

    /// <summary>Steps the journal had done before this run started (skipped without touching a node).</summary>
    public int AlreadyComplete { get; }

    /// <summary>
    /// Marks steps that can no longer run: when stopping, every waiting step that is not a cleanup (left pending for
    /// resume); a step whose needs failed is skipped unless stopping. Each is told to <paramref name="settled"/> with its
    /// new status (the executor journals the skipped ones).
    /// </summary>
    public void Settle(bool stopping, bool aborting, Action<PlanStep, StepStatus> settled)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var step in _plan.Steps.Where(s => Status[s.Id] == StepStatus.Waiting))
            {
                if (aborting || (stopping && !step.AlwaysRun))
                {
                    Status[step.Id] = StepStatus.NotRun;
                    settled(step, StepStatus.NotRun);
                    changed = true;
                }
                else if (step.Needs.Any(n => Status[n] is StepStatus.Failed or StepStatus.Skipped or StepStatus.NotRun))
                {
                    var needsNeverRan = step.Needs.All(n => Status[n] is not (StepStatus.Failed or StepStatus.Skipped));
                    Status[step.Id] = stopping || needsNeverRan ? StepStatus.NotRun : StepStatus.Skipped;
                    settled(step, Status[step.Id]);
                    changed = true;
                }
            }
        }
        while (changed);
    }

    /// <summary>
    /// Waiting steps whose needs are settled and whose followed steps ended, in plan order. Settled: succeeded, and so
    /// is everything it needs, transitively. A cleanup that undid a drain sets the drain back to pending; the stop that
    /// needed the drain stays done, but the install after the stop must wait until the drain is done again.
    /// </summary>
    public List<PlanStep> Ready()
    {
        var settled = new Dictionary<string, bool>();
        foreach (var step in _plan.Steps)
        {
            settled[step.Id] = Status[step.Id] == StepStatus.Succeeded && step.Needs.All(n => settled[n]);
        }
        return _plan.Steps.Where(s => Status[s.Id] == StepStatus.Waiting
            && s.Needs.All(n => settled[n])
            && s.After.All(a => Status[a] is not (StepStatus.Waiting or StepStatus.Running))).ToList();
    }

    /// <summary>A cleanup step runs "as cleanup" when something it follows did not succeed.</summary>
    public bool AnyAfterUnsuccessful(PlanStep step) => step.After.Any(a => Status[a] != StepStatus.Succeeded);

    public void LeaveWaitingAsNotRun()
    {
        foreach (var id in Status.Where(p => p.Value == StepStatus.Waiting).Select(p => p.Key).ToList())
        {
            Status[id] = StepStatus.NotRun;
        }
    }
}
