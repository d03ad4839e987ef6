using Uplift.Database;

namespace Uplift.Tests.Migrations;

/// <summary>The online data migration tables of the real Epoxy programs (Samples/epoxy, captured from Debian trixie's
/// packages against MariaDB right after their schema syncs: nothing left to migrate).</summary>
public sealed class EpoxyOnlineMigrationTests
{
    [Theory]
    [InlineData("nova-manage_online_data_migrations.txt", 11, "populate_instance_compute_id")]
    [InlineData("placement-manage_online_data_migrations.txt", 2, "create_incomplete_consumers")]
    [InlineData("cinder-manage_online_data_migrations.txt", 1, "remove_temporary_admin_metadata_data_migration")]
    [InlineData("../gazpacho/placement-manage_online_data_migrations.txt", 2, "create_incomplete_consumers")]
    [InlineData("../gazpacho/cinder-manage_online_data_migrations.txt", 1, "remove_temporary_admin_metadata_data_migration")]
    public void Given_a_real_epoxy_table_When_parsed_Then_every_migration_is_read_with_nothing_left(string sample, int migrations, string one)
    {
        var rows = OnlineMigrationTable.Parse(Samples.Samples.Read("epoxy/" + sample));

        rows.Count.ShouldBe(migrations);
        rows.Select(r => r.Migration).ShouldContain(one);
        rows.ShouldAllBe(r => r.RowsLeft == 0);
    }

    [Fact]
    public void Given_placements_total_found_column_with_rows_left_When_parsed_Then_they_count()
    {
        var output = Samples.Samples.Read("epoxy/placement-manage_online_data_migrations.txt")
            .Replace("|    set_root_provider_ids    |      0      |     0     |", "|    set_root_provider_ids    |      7      |     3     |");

        OnlineMigrationTable.Parse(output).Single(r => r.Migration == "set_root_provider_ids").RowsLeft.ShouldBe(4);
    }
}
