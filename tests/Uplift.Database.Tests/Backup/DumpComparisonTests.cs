using Uplift.Database;

namespace Uplift.Tests.Backup;

public sealed class DumpComparisonTests
{
    private static readonly SchemaDump Dump = new("nova", "nova.sql.gz", 1, "", [new TableRows("instances", 10, 10), new TableRows("migrations", 5, 7)]);

    [Fact]
    public void Given_the_same_tables_and_counts_within_the_dump_window_Then_nothing_differs() =>
        DumpVerification.Compare(Dump, ["instances", "migrations"], new Dictionary<string, long> { ["instances"] = 10, ["migrations"] = 6 }).ShouldBeEmpty();

    [Fact]
    public void Given_missing_tables_and_rows_Then_each_difference_is_named()
    {
        var problems = DumpVerification.Compare(Dump, ["migrations", "shadow"], new Dictionary<string, long> { ["migrations"] = 4 });

        problems.ShouldBe(["missing tables instances", "tables not in the manifest shadow", "table migrations has 4 rows, manifest says 5–7"]);
    }
}
