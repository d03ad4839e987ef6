namespace Uplift.Execution.Progress;

/// <summary>
/// Something that happened during a run, for the console view and the --log-json file (one JSON object per line).
/// Kinds: run-started, step-started, step-ended, run-stopping, message, run-ended.
/// </summary>
/// <param name="State">step-ended: done, already-done, failed, skipped; run-ended: the outcome.</param>
/// <param name="Seconds">step-ended: how long the step took.</param>
public sealed record RunEvent(
    string Kind,
    DateTimeOffset Time,
    string? StepId = null,
    string? Phase = null,
    string? Service = null,
    IReadOnlyList<string>? Nodes = null,
    string? State = null,
    string? Message = null,
    int? ExitCode = null,
    double? Seconds = null,
    int? Total = null);
