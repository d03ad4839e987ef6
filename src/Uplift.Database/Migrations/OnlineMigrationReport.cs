namespace Uplift.Database;

/// <summary>The end of <see cref="OnlineMigrations.RunAsync"/>: outcome, batches run and the last summary table.</summary>
/// <param name="Last">The last batch's summary table (empty when none was printed).</param>
/// <param name="Errors">Migrations the last batch reported as raising.</param>
/// <param name="Message">One line for the operator.</param>
public sealed record OnlineMigrationReport(
    OnlineMigrationOutcome Outcome,
    int Batches,
    IReadOnlyList<MigrationProgress> Last,
    IReadOnlyList<string> Errors,
    string Message)
{
    /// <summary>Rows the last batch found but did not migrate (a lower bound with --max-count).</summary>
    public long RowsLeft => Last.Sum(m => m.RowsLeft);

    /// <summary>The next release hop may only start once every online migration is done.</summary>
    public bool MayStartNextHop => Outcome == OnlineMigrationOutcome.Done;
}
