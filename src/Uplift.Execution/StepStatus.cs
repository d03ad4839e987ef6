namespace Uplift.Execution;

/// <summary>Where a step stands inside one run (the journal keeps <see cref="Journal.StepState"/> across runs).</summary>
internal enum StepStatus
{
    Waiting,
    Running,
    Succeeded,
    Failed,
    /// <summary>Journaled as skipped: a step it needs failed.</summary>
    Skipped,
    /// <summary>Left pending because the run stopped: resume will run it.</summary>
    NotRun,
}
