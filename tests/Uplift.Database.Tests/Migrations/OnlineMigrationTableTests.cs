using Uplift.Database;

namespace Uplift.Tests.Migrations;

public sealed class OnlineMigrationTableTests
{
    [Fact]
    public void Given_nova_manage_output_When_parsed_Then_each_migration_has_its_rows_left()
    {
        var rows = OnlineMigrationTable.Parse(Samples.Samples.Read("nova-manage_online_data_migrations.txt"));

        rows.Count.ShouldBe(8);
        rows.Single(r => r.Migration == "migrate_instances_add_request_spec").RowsLeft.ShouldBe(2);
        rows.Single(r => r.Migration == "populate_queued_for_delete").ShouldBe(new MigrationProgress("populate_queued_for_delete", 2, 2));
        rows.Sum(r => r.RowsLeft).ShouldBe(2);
    }

    [Fact]
    public void Given_cinder_manage_output_with_nothing_to_do_When_parsed_Then_no_rows_are_left()
    {
        var rows = OnlineMigrationTable.Parse(Samples.Samples.Read("cinder-manage_online_data_migrations_done.txt"));

        rows.Select(r => r.Migration).ShouldContain("volume_service_uuids_online_data_migration");
        rows.Count.ShouldBe(5);
        rows.ShouldAllBe(r => r.RowsLeft == 0);
    }

    [Fact]
    public void Given_errors_printed_by_nova_When_read_Then_the_failing_migrations_are_named()
    {
        var output = "Error attempting to run <function populate_uuids at 0x7f1c2b3a4d30>\n"
            + "Error attempting to run fill_virtual_interface_list\n"
            + Samples.Samples.Read("nova-manage_online_data_migrations_max_count.txt");

        OnlineMigrationTable.Errors(output).ShouldBe(["populate_uuids", "fill_virtual_interface_list"]);
    }

    [Fact]
    public void Given_output_without_the_summary_table_When_parsed_Then_it_is_refused() =>
        Should.Throw<FormatException>(() => OnlineMigrationTable.Parse("Must supply a positive value for max_number")).Message.ShouldContain("Total Needed");
}
