using System.Globalization;

namespace Uplift.Lab;

/// <summary>
/// The CPU shares of a lab of real OpenStack code. Its nodes share this machine's cores, as separate machines do not: what
/// Uplift runs on a node (dpkg, the *-manage commands) must not starve another node's APIs. <c>nice</c> cannot do it:
/// with the kernel's autogroup on (Debian's default, <c>/proc/sys/kernel/sched_autogroup_enabled</c>), each session
/// (sshd's every connection and every unit call setsid) is a scheduling group of its own, and niceness only weighs
/// processes within one group (sched(7), "The autogroup feature"); measured here, two busy loops in one session at nice 0
/// got 0.34 of a core beside four at nice 19 in sessions of their own. A CPU cgroup does, autogroups applying only in the
/// root group: each node's sshd (so every command run over SSH) goes into the work group at a low weight, and the node's
/// runner moves every unit it starts into the units group at the default weight, as systemd keeps units in
/// <c>system.slice</c> apart from users' sessions. Measured: the same two loops got 1.74 cores beside four in the work group.
/// </summary>
/// <param name="Units">The units' group directory.</param>
/// <param name="Work">The work's group directory.</param>
public sealed record CpuGroups(string Units, string Work)
{
    /// <summary>The weights in cgroup v1's <c>cpu.shares</c> (default 1024) and v2's <c>cpu.weight</c> (default 100):
    /// the work gets 1/16 of a units' share when both want the CPU, all of what the units leave otherwise.</summary>
    public const int UnitsShares = 1024, WorkShares = 64, UnitsWeight = 100, WorkWeight = 6;

    /// <summary>Where a node's runner finds the units' group (bind-mounted into the node's /run): it writes each unit's pid
    /// into <c>cgroup.procs</c> there.</summary>
    public const string OnNode = "/run/uplift-lab/cpu-units";

    public const string UnitsName = "uplift-lab-units", WorkName = "uplift-lab-work";

    /// <summary>Which cgroup hierarchy controls the CPU under <paramref name="root"/> (<c>/sys/fs/cgroup</c>): v1's cpu
    /// controller mounted at <c>cpu/</c>, or v2's unified tree offering <c>cpu</c>; null when neither.</summary>
    public static CpuGroups? Find(string root = "/sys/fs/cgroup")
    {
        if (File.Exists(Path.Combine(root, "cpu", "cpu.shares")))
        {
            return new(Path.Combine(root, "cpu", UnitsName), Path.Combine(root, "cpu", WorkName));
        }
        var controllers = Path.Combine(root, "cgroup.controllers");
        return File.Exists(controllers) && File.ReadAllText(controllers).Split(' ', '\n').Contains("cpu")
            ? new(Path.Combine(root, UnitsName), Path.Combine(root, WorkName))
            : null;
    }

    private bool Version2 => !File.Exists(Path.Combine(Path.GetDirectoryName(Units)!, "cpu.shares"));

    /// <summary>Makes both groups (kept when they exist) and sets their weights; v2 gets the cpu controller enabled for
    /// the root's children first.</summary>
    public void Ensure()
    {
        if (Version2)
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(Units)!, "cgroup.subtree_control"), "+cpu");
        }
        foreach (var (group, shares, weight) in new[] { (Units, UnitsShares, UnitsWeight), (Work, WorkShares, WorkWeight) })
        {
            Directory.CreateDirectory(group);
            var (file, value) = Version2 ? ("cpu.weight", weight) : ("cpu.shares", shares);
            File.WriteAllText(Path.Combine(group, file), value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Removes both groups once no process is left in them (<c>lab down</c>); a group still in use stays.</summary>
    public void Remove()
    {
        foreach (var group in new[] { Units, Work })
        {
            try
            {
                Directory.Delete(group);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not there, or processes still in it: the next lab up reuses it.
            }
        }
    }
}
