namespace Uplift.Database;

/// <summary>One row of the online migrations summary table.</summary>
/// <param name="TotalNeeded">Rows the migration found needing work (in this run; with --max-count, at most that batch).</param>
/// <param name="Completed">Rows it migrated.</param>
public sealed record MigrationProgress(string Migration, long TotalNeeded, long Completed)
{
    public long RowsLeft => Math.Max(0, TotalNeeded - Completed);
}
