namespace Uplift.Execution.Journal;

/// <summary>How a step ended, as the executor hands it to the journal (raw: the journal trims and masks).</summary>
public sealed record StepResult(
    StepState State,
    int? ExitCode = null,
    string StandardOutput = "",
    string StandardError = "",
    string Message = "");
