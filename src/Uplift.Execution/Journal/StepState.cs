namespace Uplift.Execution.Journal;

/// <summary>Where a step stands in the journal. Stored as lower-case words ("already-done").</summary>
public enum StepState
{
    Pending,
    Running,
    Done,
    /// <summary>Its guard found the work already done: nothing was changed.</summary>
    AlreadyDone,
    Failed,
    /// <summary>Not run: a step it needs failed or was not run, or the run stopped before it.</summary>
    Skipped,
}
