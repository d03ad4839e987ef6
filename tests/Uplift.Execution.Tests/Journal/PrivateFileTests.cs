using Uplift.Files;

namespace Uplift.Tests.Journal;

public sealed class PrivateFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("uplift-private-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Given_a_new_file_When_written_Then_only_its_owner_can_read_it()
    {
        var path = Path.Combine(_directory, "dump.sql.gz");

        await PrivateFile.WriteAllTextAsync(path, "INSERT INTO user VALUES ('admin', 'hunter2');");

        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await File.ReadAllTextAsync(path)).ShouldContain("hunter2");
    }

    [Fact]
    public async Task Given_a_log_an_earlier_version_left_world_readable_When_appended_Then_it_becomes_private_and_keeps_its_lines()
    {
        var path = Path.Combine(_directory, "events.jsonl");
        await File.WriteAllTextAsync(path, "{\"event\":\"run-started\"}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using (var log = new StreamWriter(PrivateFile.Create(path, append: true)))
        {
            await log.WriteLineAsync("{\"event\":\"run-ended\"}");
        }

        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await File.ReadAllLinesAsync(path)).ShouldBe(["{\"event\":\"run-started\"}", "{\"event\":\"run-ended\"}"]);
    }
}
