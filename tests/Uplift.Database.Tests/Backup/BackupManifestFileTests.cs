using Uplift.Database;

namespace Uplift.Tests.Backup;

public sealed class BackupManifestFileTests
{
    internal static readonly BackupManifest Manifest = new(
        "run-7", "db1", "/var/backups/uplift/run-7", "10.11.19-MariaDB-0+deb12u1",
        new DateTimeOffset(2026, 11, 21, 22, 0, 0, TimeSpan.FromHours(1)),
        [new SchemaDump("keystone", "keystone.sql.gz", 1234, new string('a', 64), [new TableRows("project", 3, 3), new TableRows("token", 10, 12)])]);

    [Fact]
    public void Given_a_manifest_When_written_Then_it_is_versioned_snake_case_json_in_utc_with_the_verified_flag()
    {
        var json = BackupManifestFile.ToJson(Manifest);

        json.ShouldStartWith("{\n  \"format_version\": 1,\n  \"run_id\": \"run-7\",");
        json.ShouldContain("\"taken_at\": \"2026-11-21T21:00:00+00:00\"");
        json.ShouldContain("\"verified\": false");
        json.ShouldContain("\"rows_after_dump\": 12");
        json.ShouldContain("\"sha256\": \"" + new string('a', 64));
    }

    [Fact]
    public void Given_a_written_manifest_When_read_back_Then_it_is_the_same()
    {
        var verified = Manifest with { VerifiedAt = new DateTimeOffset(2026, 11, 21, 21, 5, 0, TimeSpan.Zero) };

        var read = BackupManifestFile.FromJson(BackupManifestFile.ToJson(verified), "m.json");

        read.Verified.ShouldBeTrue();
        BackupManifestFile.ToJson(read).ShouldBe(BackupManifestFile.ToJson(verified));
        read.Schemas[0].Tables[1].ShouldBe(new TableRows("token", 10, 12));
    }

    [Theory]
    [InlineData("{\"format_version\": 2, \"run_id\": \"x\"}", "format_version 2")]
    [InlineData("{\"run_id\": \"x\"}", "format_version missing")]
    [InlineData("not json", "not a backup manifest")]
    public void Given_a_file_of_another_format_When_read_Then_it_is_refused_naming_the_file(string json, string why)
    {
        var error = Should.Throw<FormatException>(() => BackupManifestFile.FromJson(json, "/state/b/manifest.json"));

        error.Message.ShouldContain("/state/b/manifest.json");
        error.Message.ShouldContain(why);
    }
}
