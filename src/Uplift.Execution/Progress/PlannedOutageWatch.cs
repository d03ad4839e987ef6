using Uplift.Execution.Journal;
using Uplift.Planning;

namespace Uplift.Execution.Progress;

/// <summary>Watches a run's events for the steps of its announced outages (<see cref="PlannedOutages"/>) that ran and
/// succeeded, so the run's probe can count the failures inside them as planned. Thread-safe.</summary>
public sealed class PlannedOutageWatch(Plan plan) : IRunObserver
{
    private readonly object _gate = new();
    private readonly HashSet<string> _marked = [.. plan.Steps.Where(s => s.Argument(PlannedOutage.Key) is not null).Select(s => s.Id)];
    private readonly Dictionary<string, DateTimeOffset> _started = [];
    private readonly List<(string StepId, DateTimeOffset Started, DateTimeOffset Ended)> _ran = [];

    public void On(RunEvent runEvent)
    {
        if (runEvent.StepId is not { } id || !_marked.Contains(id))
        {
            return;
        }
        lock (_gate)
        {
            if (runEvent.Kind == "step-started")
            {
                _started[id] = runEvent.Time;
            }
            else if (runEvent.Kind == "step-ended" && runEvent.State == StepState.Done.Word() && _started.TryGetValue(id, out var started))
            {
                _ran.Add((id, started, runEvent.Time));
            }
        }
    }

    public IReadOnlyList<PlannedOutages.Window> Windows()
    {
        lock (_gate)
        {
            return PlannedOutages.Of(plan, [.. _ran]);
        }
    }
}
