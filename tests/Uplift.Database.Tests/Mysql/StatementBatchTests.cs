using Uplift.Database;

namespace Uplift.Tests.Mysql;

public class StatementBatchTests
{
    [Fact]
    public void Given_statements_When_batched_Then_each_is_followed_by_its_marker_row()
    {
        var batch = new StatementBatch(["SELECT VERSION();", "SHOW DATABASES"], token: "t1");

        batch.Sql.ShouldBe("SELECT VERSION();\nSELECT 'uplift-statement-end-t1';\nSHOW DATABASES;\nSELECT 'uplift-statement-end-t1';\n");
    }

    [Fact]
    public void Given_what_mysql_printed_When_split_Then_each_statement_gets_its_own_rows_including_none()
    {
        var batch = new StatementBatch(["a", "b", "c"], token: "t1");

        var outputs = batch.Split("10.11.19-MariaDB\nuplift-statement-end-t1\nuplift-statement-end-t1\nheat\nnova\nuplift-statement-end-t1\n");

        outputs.ShouldBe(["10.11.19-MariaDB\n", "", "heat\nnova\n"]);
    }

    [Fact]
    public void Given_mysql_stopped_at_a_failed_statement_When_split_Then_only_the_statements_before_it_have_outputs()
    {
        var batch = new StatementBatch(["a", "b", "c"], token: "t1");

        batch.Split("1\nuplift-statement-end-t1\npartial\n").ShouldBe(["1\n"]);
    }

    [Fact]
    public void Given_a_row_that_only_contains_the_marker_When_split_Then_it_is_not_taken_for_one()
    {
        var batch = new StatementBatch(["a"], token: "t1");

        batch.Split("x uplift-statement-end-t1\nuplift-statement-end-t1x\n").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("")]
    public void Given_a_token_that_is_not_letters_and_digits_When_a_batch_is_made_Then_it_is_refused(string token) =>
        Should.Throw<ArgumentException>(() => new StatementBatch(["SELECT 1"], token));
}
