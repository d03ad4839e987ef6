namespace Uplift.OpenStack;

public enum LiveMigrationResult
{
    /// <summary>The instance runs on another host and nova has finished with it.</summary>
    Moved,

    /// <summary>The instance went to ERROR, or nova's migration record says it failed and the instance stayed.</summary>
    Failed,

    /// <summary>Still not settled when the timeout ran out.</summary>
    TimedOut,
}
