using Uplift.Transports;

namespace Uplift.Tests.Transports;

public sealed class ControlDirectoriesTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("ctl-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public void Given_the_directory_of_a_process_that_is_gone_When_a_transport_starts_Then_it_is_removed_and_live_ones_are_kept()
    {
        // 4194305 is above Linux's largest pid (pid_max ≤ 2^22): no such process can run.
        var gone = Directory.CreateDirectory(Path.Combine(_parent, "uplift-4194305-abc123")).FullName;
        File.WriteAllText(Path.Combine(gone, "m1"), "");
        var mine = Directory.CreateDirectory(Path.Combine(_parent, $"uplift-{Environment.ProcessId}-def456")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(_parent, "uplift-mariadb-x")).FullName;

        ControlDirectories.RemoveLeftovers(_parent);

        Directory.Exists(gone).ShouldBeFalse();
        Directory.Exists(mine).ShouldBeTrue();
        Directory.Exists(other).ShouldBeTrue();
    }

    [Fact]
    public void Given_a_parent_When_a_new_path_is_named_Then_it_carries_this_process_id_and_stays_short() =>
        Path.GetFileName(ControlDirectories.NewPath(_parent)).ShouldMatch($"^uplift-{Environment.ProcessId}-[a-z0-9]{{6}}$");
}
