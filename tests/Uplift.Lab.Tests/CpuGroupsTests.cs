using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>The lab's two CPU groups (the nodes' units, the work run over SSH) in either cgroup hierarchy, made in a
/// directory laid out as the kernel lays out /sys/fs/cgroup.</summary>
public sealed class CpuGroupsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uplift-cgroup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Given_cgroup_v1s_cpu_controller_When_the_groups_are_made_Then_each_is_under_cpu_with_its_shares()
    {
        Directory.CreateDirectory(Path.Combine(_root, "cpu"));
        File.WriteAllText(Path.Combine(_root, "cpu", "cpu.shares"), "1024\n");

        var groups = CpuGroups.Find(_root).ShouldNotBeNull();
        groups.Ensure();

        groups.Work.ShouldBe(Path.Combine(_root, "cpu", CpuGroups.WorkName));
        File.ReadAllText(Path.Combine(groups.Work, "cpu.shares")).ShouldBe("64");
        File.ReadAllText(Path.Combine(groups.Units, "cpu.shares")).ShouldBe("1024");
        File.Exists(Path.Combine(_root, "cgroup.subtree_control")).ShouldBeFalse();
    }

    [Fact]
    public void Given_cgroup_v2_offering_cpu_When_the_groups_are_made_Then_the_controller_is_enabled_and_each_has_its_weight()
    {
        File.WriteAllText(Path.Combine(_root, "cgroup.controllers"), "cpuset cpu io memory pids\n");

        var groups = CpuGroups.Find(_root).ShouldNotBeNull();
        groups.Ensure();

        groups.Units.ShouldBe(Path.Combine(_root, CpuGroups.UnitsName));
        File.ReadAllText(Path.Combine(_root, "cgroup.subtree_control")).ShouldBe("+cpu");
        File.ReadAllText(Path.Combine(groups.Work, "cpu.weight")).ShouldBe("6");
        File.ReadAllText(Path.Combine(groups.Units, "cpu.weight")).ShouldBe("100");
    }

    [Fact]
    public void Given_no_cpu_controller_When_the_groups_are_looked_for_Then_there_are_none()
    {
        File.WriteAllText(Path.Combine(_root, "cgroup.controllers"), "cpuset io memory pids\n");

        CpuGroups.Find(_root).ShouldBeNull();
    }

    [Fact]
    public void Given_the_groups_When_they_are_removed_Then_both_are_gone_and_removing_again_is_harmless()
    {
        Directory.CreateDirectory(Path.Combine(_root, "cpu"));
        File.WriteAllText(Path.Combine(_root, "cpu", "cpu.shares"), "1024\n");
        var groups = CpuGroups.Find(_root).ShouldNotBeNull();
        Directory.CreateDirectory(groups.Units);
        Directory.CreateDirectory(groups.Work);

        groups.Remove();
        groups.Remove();

        Directory.Exists(groups.Units).ShouldBeFalse();
        Directory.Exists(groups.Work).ShouldBeFalse();
    }
}
