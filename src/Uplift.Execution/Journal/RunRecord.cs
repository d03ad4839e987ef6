namespace Uplift.Execution.Journal;

/// <summary>One `uplift run` or `resume` of a plan.</summary>
/// <param name="Outcome">null while running (or when the process died); else succeeded, failed, stopped, aborted.</param>
public sealed record RunRecord(long Id, string PlanHash, DateTimeOffset Started, DateTimeOffset? Ended, string? Outcome);
