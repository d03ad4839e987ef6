using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>
/// The outages a run went through as its plan announced them (<see cref="PlannedOutage"/>): per service and phase, from
/// the first marked step that ran to the end of the last. Steps found done or not needed (their condition unmet) open no
/// window: nothing was stopped. Pure: fed from the run's events or from the journal's records.
/// </summary>
public static class PlannedOutages
{
    /// <summary>One window: the service whose API was announced down, when, and the plan's group that said so.</summary>
    public sealed record Window(string Service, DateTimeOffset From, DateTimeOffset To, string Why);

    /// <param name="ran">Steps that ran and succeeded ("done"), with their start and end.</param>
    public static IReadOnlyList<Window> Of(Plan plan, IEnumerable<(string StepId, DateTimeOffset Started, DateTimeOffset Ended)> ran)
    {
        var steps = plan.Steps.Where(s => s.Argument(PlannedOutage.Key) is not null).ToDictionary(s => s.Id);
        return ran.Where(r => steps.ContainsKey(r.StepId))
            .GroupBy(r => (Service: steps[r.StepId].Argument(PlannedOutage.Key)!, steps[r.StepId].Phase))
            .Select(g => new Window(g.Key.Service, g.Min(r => r.Started), g.Max(r => r.Ended), steps[g.First().StepId].Group))
            .OrderBy(w => w.From)
            .ToList();
    }
}
