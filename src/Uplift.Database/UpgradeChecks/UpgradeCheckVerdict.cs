namespace Uplift.Database;

/// <summary>What `SVC-status upgrade check` as a whole says, from its exit code.</summary>
public enum UpgradeCheckVerdict
{
    /// <summary>Exit 0: every check passed.</summary>
    Success,
    /// <summary>Exit 1: the upgrade may go on; show the warnings.</summary>
    Warning,
    /// <summary>Exit 2: stop before anything changes.</summary>
    Failure,
    /// <summary>Exit 255 (or any other code): the checker itself failed, so nothing is known; stop.</summary>
    Crashed,
}
