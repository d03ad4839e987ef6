using Uplift.Database;

namespace Uplift.Tests.Mysql;

/// <summary>Outputs as mysql --batch --skip-column-names prints them (captured from MariaDB 10.11.19, Debian 12).</summary>
public sealed class DatabaseOutputTests
{
    [Fact]
    public void Given_show_databases_When_parsed_Then_each_line_is_a_schema() =>
        DatabaseOutput.Databases("heat\ninformation_schema\nkeystone\nmysql\nnova_api\nperformance_schema\nsys\nwebsite\n")
            .ShouldBe(["heat", "information_schema", "keystone", "mysql", "nova_api", "performance_schema", "sys", "website"]);

    [Fact]
    public void Given_select_version_When_parsed_Then_the_version_is_the_first_line() =>
        DatabaseOutput.ServerVersion("10.11.19-MariaDB-0+deb12u1\n").ShouldBe("10.11.19-MariaDB-0+deb12u1");

    [Fact]
    public void Given_table_and_count_lines_When_parsed_Then_rows_are_by_table()
    {
        var tables = DatabaseOutput.Tables("keystone\taudit\nkeystone\tproject\nnova_api\tflavors\n");
        var rows = DatabaseOutput.RowCounts("audit\t0\nproject\t3\nuser\t500\n");

        tables["keystone"].ShouldBe(["audit", "project"]);
        tables["nova_api"].ShouldBe(["flavors"]);
        rows.ShouldBe(new Dictionary<string, long> { ["audit"] = 0, ["project"] = 3, ["user"] = 500 });
    }

    [Theory]
    [InlineData("project\tmany\n")]
    [InlineData("project 3\n")]
    public void Given_a_malformed_count_line_When_parsed_Then_it_is_refused(string output) =>
        Should.Throw<FormatException>(() => DatabaseOutput.RowCounts(output));
}
