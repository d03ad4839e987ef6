using System.Diagnostics;
using Uplift.Database;
using Uplift.Tests.Samples;

namespace Uplift.Tests.Backup;

public sealed class DumpInspectionTests
{
    [Fact]
    public void Given_the_inspection_line_When_parsed_Then_each_field_is_read() =>
        DumpInspection.Parse("gzip=1 trailer=0 qualified=3\n").ShouldBe(new DumpInspection(1, false, 3));

    [Fact]
    public void Given_anything_else_When_parsed_Then_it_is_refused() =>
        Should.Throw<FormatException>(() => DumpInspection.Parse("awk: syntax error")).Message.ShouldContain("gzip=N trailer=N qualified=N");

    [Fact]
    public async Task Given_a_real_MariaDB_11_dump_of_keystone_When_inspected_Then_its_rows_naming_keystone_are_data_not_definitions()
    {
        var dump = Samples.Samples.Read("epoxy/mariadb-dump_keystone_excerpt.sql");
        dump.ShouldContain("('<<keystone.domain.root>>'");

        (await InspectAsync(dump, "keystone")).ShouldBe(new DumpInspection(0, true, 0));
    }

    [Fact]
    public async Task Given_the_same_dump_with_a_trigger_naming_the_schema_When_inspected_Then_that_line_is_counted()
    {
        var dump = Samples.Samples.Read("epoxy/mariadb-dump_keystone_excerpt.sql").Replace(
            "-- Dump completed", "CREATE TRIGGER t AFTER INSERT ON project FOR EACH ROW INSERT INTO `keystone`.`audit` VALUES (1);\n-- Dump completed",
            StringComparison.Ordinal);

        (await InspectAsync(dump, "keystone")).QualifiedLines.ShouldBe(1);
    }

    /// <summary>Runs the inspection command line in a real shell (gzip, awk) on the dump gzipped.</summary>
    private static async Task<DumpInspection> InspectAsync(string dump, string schema)
    {
        var directory = Directory.CreateTempSubdirectory("uplift-inspect-");
        try
        {
            var file = Path.Combine(directory.FullName, schema + ".sql.gz");
            await using (var gzip = new System.IO.Compression.GZipStream(File.Create(file), System.IO.Compression.CompressionLevel.Fastest))
            {
                await gzip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(dump));
            }
            using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", DatabaseCommandLines.Inspect(file, schema)]) { RedirectStandardOutput = true })!;
            var output = await shell.StandardOutput.ReadToEndAsync();
            await shell.WaitForExitAsync();
            return DumpInspection.Parse(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
