namespace Uplift.Lab;

/// <summary>
/// One node of a lab of real OpenStack code: an overlay of the base root tree (its own writable layer under
/// <c>&lt;state&gt;/roots/&lt;node&gt;</c>) mounted in a mount namespace of the node's own, where its sshd runs and chroots
/// every session into it. The node's /proc, /run (tmpfs, as on a booted machine) and /dev/shm are mounted there too (and,
/// on a controller, the lab's HAProxy directory with its admin socket);
/// when the node's last process ends the kernel drops every mount: nothing is left mounted on the machine.
/// </summary>
public sealed record NodeRoot(LabPaths Paths, LabNode Node)
{
    public string Directory => Path.Combine(Paths.State, "roots", Node.Name);
    public string Upper => Path.Combine(Directory, "upper");
    public string Work => Path.Combine(Directory, "work");

    /// <summary>The node's / as its sessions see it (a mount point inside the node's namespace only).</summary>
    public string Merged => Path.Combine(Directory, "merged");

    /// <summary>The node's sshd pid: the process whose mount namespace holds the node's root.</summary>
    public int SshdPid => int.Parse(File.ReadAllText(Paths.SshdPid(Node.Name)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A path of the node as this machine reaches it (through its sshd's view of the mounts).</summary>
    public string Host(string pathOnNode) => $"/proc/{SshdPid}/root{Merged}/{pathOnNode.TrimStart('/')}";

    /// <summary>Mounts the node's root in a new mount namespace and starts its sshd there.</summary>
    /// <param name="lowerDirs">The read-only layers under the node's own, topmost first (overlayfs' lowerdir).</param>
    /// <param name="cpu">The lab's CPU groups; null where this machine has no CPU cgroup (every process then weighs the same).</param>
    public async Task StartAsync(string lowerDirs, CpuGroups? cpu, TimeProvider time, CancellationToken cancel)
    {
        foreach (var directory in new[] { Upper, Work, Merged })
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        var script = """
            set -e
            mount -t overlay overlay -o "lowerdir=$1,upperdir=$2,workdir=$3" "$4"
            mount -t proc proc "$4/proc"
            mount -t tmpfs -o mode=0755 tmpfs "$4/run"
            mount -t tmpfs -o mode=1777 tmpfs "$4/dev/shm"
            # deb-systemd-invoke and deb-systemd-helper ask systemctl (the node's runner) when /run/systemd/system exists, as on a
            # booted node; /run/lock is 1777 as systemd-tmpfiles makes it (systemd's tmpfiles.d/legacy.conf; Debian's neutron units
            # create their lock directory there as their user).
            mkdir -p "$4/run/systemd/system" "$4/run/lock" && chmod 1777 "$4/run/lock"
            # A controller reaches HAProxy's admin socket where its inventory says, as on a controller running HAProxy.
            if [ -n "$7" ]; then mkdir -p "$4$7" && mount --bind "$7" "$4$7"; fi
            # Every node shares this machine's cores (CpuGroups): what Uplift runs on a node over SSH runs in the work group, at a
            # low weight; the node's runner (node/systemctl) moves each unit it starts into the units group, found here.
            if [ -n "$8" ]; then
              mkdir -p "$4${10}" && mount --bind "$8" "$4${10}"
              echo $$ > "$9/cgroup.procs"
            fi
            exec /usr/sbin/sshd -f "$5" -E "$6"
            """;
        var haproxy = Node.Role == Inventory.Role.Controller ? Paths.Haproxy : "";
        await LocalProgram.CheckAsync("unshare", ["--mount", "--propagation", "private", "--", "/bin/sh", "-c", script, "sh",
            lowerDirs, Upper, Work, Merged, Paths.SshdConfig(Node.Name), Path.Combine(Paths.NodeRoot(Node.Name), "log", "sshd.log"), haproxy,
            cpu?.Units ?? "", cpu?.Work ?? "", CpuGroups.OnNode], cancel: cancel);
        // sshd writes its pid file after it has detached: wait for it.
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(10);
        while (!File.Exists(Paths.SshdPid(Node.Name)) || new FileInfo(Paths.SshdPid(Node.Name)).Length == 0)
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new LabException($"{Node.Name}: sshd wrote no pid file within 10 s; see {Path.Combine(Paths.NodeRoot(Node.Name), "log", "sshd.log")}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancel);
        }
    }

    /// <summary>Runs a command on the node as root (or as <paramref name="user"/>) without SSH: the lab's own set-up.</summary>
    public Task<LocalProgram.Result> RunAsync(string command, string? user = null, IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancel = default) =>
        LocalProgram.RunAsync("nsenter", ["--target", SshdPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mount", "--",
            "chroot", Merged, .. user is null ? new[] { "/bin/sh", "-c", command } : ["runuser", "-u", user, "--", "/bin/sh", "-c", command]],
            environment: environment, cancel: cancel);

    /// <summary>As <see cref="RunAsync"/>, and a <see cref="LabException"/> naming the node and its output when it fails.</summary>
    public async Task<string> CheckAsync(string command, string? user = null, IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancel = default)
    {
        var result = await RunAsync(command, user, environment, cancel);
        return result.ExitCode == 0
            ? result.Output
            : throw new LabException($"{Node.Name}: '{command}'{(user is null ? "" : $" as {user}")} failed (exit {result.ExitCode}): {(result.Error + result.Output).Trim()}");
    }

    /// <summary>Writes a file on the node with the owner and mode of the file it replaces (Debian's), else root's 0644.</summary>
    public void Write(string pathOnNode, string text, UnixFileMode? mode = null)
    {
        var path = Host(pathOnNode);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            // Writing in place keeps the owner and mode Debian's package gave the file (root:nova 0640 …).
            using var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        else
        {
            File.WriteAllText(path, text);
        }
        if (mode is { } m)
        {
            File.SetUnixFileMode(path, m);
        }
    }
}
