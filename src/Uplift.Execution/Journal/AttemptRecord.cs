namespace Uplift.Execution.Journal;

/// <summary>One start of a step's action, as the journal has it.</summary>
/// <param name="State">How it ended (done, failed, …); "running" for an attempt whose process was killed.</param>
/// <param name="Ended">When it ended; for a killed attempt, when the next run started (it lasted at most that
/// long); null while it still runs or when no run came after.</param>
public sealed record AttemptRecord(long RunId, string StepId, string State, DateTimeOffset Started, DateTimeOffset? Ended);
