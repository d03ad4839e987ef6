namespace Uplift.Database;

/// <summary>How a series of online migration batches ended.</summary>
public enum OnlineMigrationOutcome
{
    /// <summary>Exit 0: nothing left to migrate.</summary>
    Done,
    /// <summary>Exit 2 (a migration raised and no progress was made), or output that proves no progress: stop and report.</summary>
    Failed,
    /// <summary>Exit 127: the command was called wrongly (e.g. a max count below 1).</summary>
    BadInput,
    /// <summary>Still exiting 1 after the allowed number of batches: rows remain.</summary>
    BatchesExhausted,
}
