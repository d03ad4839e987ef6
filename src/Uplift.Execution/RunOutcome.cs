namespace Uplift.Execution;

/// <summary>How a run ended. Stored as lower-case words in the journal.</summary>
public enum RunOutcome
{
    /// <summary>Every step is done.</summary>
    Succeeded,
    /// <summary>A step failed: the run stopped scheduling and ran its cleanup steps.</summary>
    Failed,
    /// <summary>The operator stopped it (Ctrl-C once, a declined breakpoint): resume continues.</summary>
    Stopped,
    /// <summary>The operator aborted it (Ctrl-C twice): running commands were cancelled, no cleanup ran.</summary>
    Aborted,
}
