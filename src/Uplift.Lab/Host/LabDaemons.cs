namespace Uplift.Lab;

/// <summary>Starts the lab's real daemons: one sshd per node, HAProxy on the VIP, MariaDB; and the units of
/// every node through its own systemctl shim, as the lab account.</summary>
public static class LabDaemons
{
    public static Task StartSshdAsync(LabLayout lab, CancellationToken cancel) => StartSshdAsync(lab, lab.Nodes, cancel);

    public static async Task StartSshdAsync(LabLayout lab, IEnumerable<LabNode> nodes, CancellationToken cancel)
    {
        await Parallel.ForEachAsync(nodes, cancel, async (node, token) =>
        {
            var root = lab.Paths.NodeRoot(node.Name);
            // The node's sshd (and everything its sessions start) sees /etc overlaid with the node's etc/, in a
            // mount namespace of its own: Uplift writes /etc/apt/sources.list.d/openstack.list or
            // /etc/nova/nova.conf there as on a real node, and each node has its own.
            // Its /boot (the kernels it has) and its boot id are its own too: a reboot is rehearsed by the systemctl shim
            // (units stopped and started, a new boot id, the newest kernel running), never by the machine.
            var script = """
                mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1/etc,workdir=$1/.etc-work" /etc ||
                  echo "lab: no private /etc on this node (overlay mount refused)" >&2
                mount --bind "$1/boot" /boot && mount --bind "$1/boot_id" /proc/sys/kernel/random/boot_id ||
                  echo "lab: no private /boot or boot id on this node (bind mount refused)" >&2
                exec /usr/sbin/sshd -f "$2" -E "$1/log/sshd.log"
                """;
            await LocalProgram.CheckAsync("unshare", ["--mount", "--propagation", "private", "--", "/bin/sh", "-c", script, "sh", root, lab.Paths.SshdConfig(node.Name)], cancel: token);
        });
    }

    /// <summary>Every unit of every node enabled and started (API listeners included), as after a deployment.</summary>
    public static async Task StartUnitsAsync(LabLayout lab, TimeProvider time, CancellationToken cancel)
    {
        await StartListenerSpawnerAsync(lab, time, cancel);
        await Parallel.ForEachAsync(lab.Nodes, cancel, async (node, token) =>
        {
            var units = File.ReadAllLines(Path.Combine(lab.Paths.NodeRoot(node.Name), "units.list"))
                .Select(l => l.Split(' ')[0]).ToList();
            if (units.Count == 0)
            {
                return;
            }
            // LAB_INNER keeps this out of the node's command log: the log is what Uplift ran.
            await LocalProgram.CheckAsync("runuser", ["-u", LabLayout.Account, "--", Path.Combine(lab.Paths.NodeBin(node.Name), "systemctl"), "start", .. units],
                environment: new Dictionary<string, string> { ["LAB_INNER"] = "1" }, cancel: token);
        });
    }

    /// <summary>
    /// The process the systemctl shim asks to fork API listeners (Shims/listener-spawner.py), as the lab account; waits
    /// until it listens on its FIFO (its pid file appears). Without it the shim starts a fresh Python per listener.
    /// </summary>
    private static async Task StartListenerSpawnerAsync(LabLayout lab, TimeProvider time, CancellationToken cancel)
    {
        var paths = lab.Paths;
        await LocalProgram.CheckAsync("runuser", ["-u", LabLayout.Account, "--", "/bin/sh", "-c",
            "log=$1; shift; exec setsid -f \"$@\" </dev/null >>\"$log\" 2>&1", "sh", Path.Combine(paths.Run, "listener-spawner.log"),
            paths.Python, Path.Combine(paths.Shims, "listener-spawner.py"), paths.ListenerSpawnerFifo, paths.ListenerSpawnerPid], cancel: cancel);
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (!File.Exists(paths.ListenerSpawnerPid))
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new LabException($"the listener spawner did not start within 10 s; see {Path.Combine(paths.Run, "listener-spawner.log")}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancel);
        }
    }

    public static Task StartHaproxyAsync(LabLayout lab, CancellationToken cancel) =>
        LocalProgram.CheckAsync("haproxy", ["-f", lab.Paths.HaproxyConfig, "-D"], cancel: cancel);

    /// <summary>Waits until HAProxy reports every controller UP in every backend (health checks passed).</summary>
    public static async Task WaitForBackendsAsync(LabLayout lab, TimeProvider time, TimeSpan timeout, CancellationToken cancel)
    {
        var deadline = time.GetUtcNow() + timeout;
        var expected = lab.Services.Sum(s => s.Backends.Count) * lab.Controllers.Count();
        var up = 0;
        while (time.GetUtcNow() < deadline)
        {
            var stat = await AdminSocket.QueryAsync(lab.Paths.HaproxySocket, "show stat", cancel);
            up = stat.Split('\n').Count(l => l.Contains(",UP,", StringComparison.Ordinal) && !l.Contains(",BACKEND,", StringComparison.Ordinal) && !l.Contains(",FRONTEND,", StringComparison.Ordinal));
            if (up >= expected)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancel);
        }
        throw new LabException($"HAProxy sees {up} of {expected} API servers UP after {timeout.TotalSeconds:0} s; see {lab.Paths.Nodes}/*/log/*.log");
    }
}
