namespace Uplift.Execution.Journal;

/// <summary>The journal's latest word on one step of a plan.</summary>
/// <param name="StandardOutput">Last command's stdout, trimmed to its end and with secrets masked.</param>
/// <param name="Message">What happened in the operator's words (a failure's reason, "found done", "undone by cleanup …").</param>
public sealed record StepRecord(
    string StepId,
    StepState State,
    long RunId,
    DateTimeOffset? Started,
    DateTimeOffset? Ended,
    int? ExitCode,
    string StandardOutput,
    string StandardError,
    string Message);
