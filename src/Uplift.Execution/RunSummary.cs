using Uplift.Execution.Journal;

namespace Uplift.Execution;

/// <summary>What a run did: its outcome, each step's state at the end, and the first failure's message.</summary>
public sealed record RunSummary(long RunId, RunOutcome Outcome, IReadOnlyDictionary<string, StepState> States, string? Failure)
{
    public int Count(StepState state) => States.Values.Count(s => s == state);
}
