using Uplift.Database;
using Uplift.Transports;

namespace Uplift.Tests.Mysql;

public sealed class DatabaseCommandLinesTests
{
    private readonly DatabaseCommandLines _commands = new("/etc/uplift/db client.cnf");

    [Fact]
    public void Given_a_credentials_file_When_any_client_line_is_built_Then_it_is_the_first_option_quoted_and_no_password_option_appears()
    {
        string[] lines =
        [
            _commands.Query(), _commands.Load(), _commands.Dump("nova_api", "/var/backups/uplift/r1/nova_api.sql.gz"),
            _commands.Restore("/b/nova.sql.gz"), _commands.LoadInto("/b/nova.sql.gz", "nova", "uplift_verify_nova"),
        ];

        foreach (var line in lines)
        {
            line.ShouldContain("--defaults-extra-file='/etc/uplift/db client.cnf'");
            line.ShouldNotContain("--password");
            line.ShouldNotContain(" -p");
        }
        _commands.Query().ShouldStartWith("mysql --defaults-extra-file=");
    }

    [Fact]
    public void Given_a_schema_When_the_dump_line_is_built_Then_it_uses_a_consistent_snapshot_with_routines_triggers_and_events_and_keeps_mysqldumps_status()
    {
        var line = _commands.Dump("keystone", "/var/backups/uplift/r1/keystone.sql.gz");

        line.ShouldStartWith("(mysqldump --defaults-extra-file='/etc/uplift/db client.cnf' --single-transaction --routines --triggers --events --databases keystone; echo $? > /var/backups/uplift/r1/keystone.sql.gz.rc)");
        line.ShouldContain("| gzip -c > /var/backups/uplift/r1/keystone.sql.gz.part");
        line.ShouldContain("[ \"$rc\" = 0 ] && mv /var/backups/uplift/r1/keystone.sql.gz.part /var/backups/uplift/r1/keystone.sql.gz");
    }

    [Fact]
    public void Given_a_dump_loaded_under_a_scratch_name_Then_only_the_database_lines_are_rewritten()
    {
        var line = _commands.LoadInto("/b/nova.sql.gz", "nova", "uplift_verify_nova");

        line.ShouldContain("-e 's/^CREATE DATABASE \\(.*\\)`nova`/CREATE DATABASE \\1`uplift_verify_nova`/'");
        line.ShouldContain("-e 's/^USE `nova`;$/USE `uplift_verify_nova`;/'");
        line.ShouldContain("-e 's/^ALTER DATABASE `nova`/ALTER DATABASE `uplift_verify_nova`/'");
    }

    [Theory]
    [InlineData("/plain/path.sql.gz", "/plain/path.sql.gz")]
    [InlineData("/with space/x", "'/with space/x'")]
    [InlineData("/it's/x", "'/it'\\''s/x'")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    public void Given_a_path_When_quoted_for_the_shell_Then_it_stays_one_word(string path, string quoted) =>
        ShellWords.Quote(path).ShouldBe(quoted);

    [Theory]
    [InlineData("nova; DROP DATABASE x")]
    [InlineData("a`b")]
    [InlineData("")]
    public void Given_a_schema_name_that_is_not_plain_When_a_command_is_built_Then_it_is_refused(string schema) =>
        Should.Throw<ArgumentException>(() => _commands.Dump(schema, "/tmp/x"));

    [Fact]
    public void Given_a_schema_When_row_counts_are_asked_Then_they_are_exact_counts_of_its_base_tables_in_one_snapshot()
    {
        var sql = DatabaseQueries.RowCounts("nova");

        sql.ShouldStartWith("START TRANSACTION WITH CONSISTENT SNAPSHOT;\n");
        sql.ShouldEndWith("\nCOMMIT;");
        sql.ShouldContain("COUNT(*) FROM `nova`.`");
        sql.ShouldContain("TABLE_SCHEMA = 'nova' AND TABLE_TYPE = 'BASE TABLE'");
        DatabaseQueries.RowCounts("n".PadRight(64, 'x')).Length.ShouldBe(sql.Length + 2 * 60, "the SQL does not grow with the tables");
    }

    [Fact]
    public void Given_sql_When_made_a_query_command_Then_it_travels_in_a_here_document_that_nothing_in_it_can_end()
    {
        _commands.Query("SELECT 1;").ShouldBe(_commands.Query() + " <<'UPLIFT_SQL_END'\nSELECT 1;\nUPLIFT_SQL_END");
        Should.Throw<ArgumentException>(() => _commands.Query("SELECT 1;\nUPLIFT_SQL_END\nDROP DATABASE nova;"));
    }
}
