namespace Uplift.Lab;

/// <summary><c>lab down</c>: stops every lab process, removes the account and every file. Safe to run on a
/// lab whose <c>up</c> failed half way, and twice.</summary>
public static class LabTeardown
{
    public static async Task DownAsync(string stateDirectory, TimeProvider time, TextWriter output, CancellationToken cancel)
    {
        var paths = new LabPaths(stateDirectory);
        var description = LabDescription.Read(stateDirectory);
        if (description is null)
        {
            // No lab.json: not a lab (up writes it first). Never touch the account or processes of another lab.
            output.WriteLine($"No lab at {stateDirectory}: nothing to remove.");
            return;
        }
        if (description.Options.OpenStack)
        {
            await LabRabbitmq.StopAsync(paths, cancel);
        }
        var daemons = new List<int>();
        if (Directory.Exists(paths.Nodes))
        {
            daemons.AddRange(Directory.GetDirectories(paths.Nodes).Select(n => ReadPid(Path.Combine(n, "run", "sshd.pid"))).OfType<int>());
        }
        daemons.AddRange(new[] { ReadPid(paths.HaproxyPid), ReadPid(paths.MariaDbPid), ReadPid(TargetMirror.PidFile(paths)) }.OfType<int>());
        // This lab's processes: its daemons, their descendants (an sshd's connections and what they run,
        // a ControlMaster kept open by ControlPersist included), and the lab account's processes started
        // from this state directory (API listeners). Nothing of another lab.
        var processes = LabProcesses.Snapshot();
        var doomed = LabProcesses.WithDescendants(processes, daemons);
        var uid = await AccountIdAsync(cancel);
        doomed.UnionWith(processes.Where(p => p.Uid == uid && LabProcesses.CommandLine(p.Pid).Contains(stateDirectory, StringComparison.Ordinal)).Select(p => p.Pid));
        // A lab of real OpenStack code: every process chrooted into one of its nodes (the services, whatever accounts run them).
        var roots = Path.Combine(stateDirectory, "roots") + "/";
        doomed.UnionWith(processes.Where(p => LabProcesses.RootOf(p.Pid).StartsWith(roots, StringComparison.Ordinal)).Select(p => p.Pid));
        var left = await LabProcesses.EndAsync(doomed, time, TimeSpan.FromSeconds(10), cancel);
        if (left.Count > 0)
        {
            throw new LabException($"lab processes {string.Join(", ", left)} did not end; kill them, then run 'uplift lab down' again");
        }
        var others = LabProcesses.Snapshot().Where(p => p.Uid == uid && LabProcesses.IsAlive(p.Pid)).Select(p => p.Pid).ToList();
        if (others.Count > 0)
        {
            throw new LabException($"the {LabLayout.Account} account still runs processes {string.Join(", ", others.Take(10))} that are not this lab's " +
                $"(another lab up at the same time?); take that lab down, then run 'uplift lab down --state-dir {stateDirectory}' again");
        }
        await DeleteAccountAsync(time, cancel);
        if (description.Options.OpenStack)
        {
            CpuGroups.Find()?.Remove();
        }
        // The nodes' roots were mounted only in their own mount namespaces, gone with their last process; never delete
        // through a mount point that is still there.
        var mounted = File.ReadAllLines("/proc/self/mountinfo").Select(l => l.Split(' ')[4]).Where(m => m.StartsWith(stateDirectory + "/", StringComparison.Ordinal)).ToList();
        if (mounted.Count > 0)
        {
            throw new LabException($"{string.Join(", ", mounted)} still mounted; unmount, then run 'uplift lab down --state-dir {stateDirectory}' again");
        }
        if (Directory.Exists(stateDirectory))
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
        // Another sshd (another lab, the machine's own) still needs the directory at its next connection.
        var sshdRunning = LabProcesses.Snapshot().Any(p => LabProcesses.CommandLine(p.Pid).StartsWith("/usr/sbin/sshd", StringComparison.Ordinal));
        if (description.CreatedPrivilegeSeparationDirectory && !sshdRunning && Directory.Exists("/run/sshd"))
        {
            Directory.Delete("/run/sshd");
        }
        output.WriteLine($"Lab removed: {doomed.Count} processes ended, account {LabLayout.Account} and {stateDirectory} deleted.");
    }

    /// <summary>userdel refuses while a process of the account exists, zombies included: ended processes are
    /// reaped by init a moment later, so it is retried for a few seconds.</summary>
    private static async Task DeleteAccountAsync(TimeProvider time, CancellationToken cancel)
    {
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (await AccountExistsAsync(cancel))
        {
            var result = await LocalProgram.RunAsync("userdel", [LabLayout.Account], cancel: cancel);
            if (result.ExitCode == 0)
            {
                return;
            }
            if (time.GetUtcNow() > deadline)
            {
                throw new LabException($"'userdel {LabLayout.Account}' failed (exit {result.ExitCode}): {result.Error.Trim()}; run 'uplift lab down' again in a moment");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancel);
        }
    }

    /// <summary>
    /// The state directory of a lab left behind (a run killed before its <c>down</c>, a machine restarted): the lab
    /// account exists, its home is in a lab's state directory, and neither its daemons nor any process of the account
    /// run. Null when there is no such lab, or when it still runs (another lab up: never taken down from here).
    /// </summary>
    public static async Task<string?> LeftBehindAsync(CancellationToken cancel)
    {
        var uid = await AccountIdAsync(cancel);
        var home = uid is null ? null : (await LocalProgram.RunAsync("getent", ["passwd", LabLayout.Account], cancel: cancel)).Output.Split(':') is { Length: >= 6 } f ? f[5] : null;
        var state = home is null ? null : Path.GetDirectoryName(home.TrimEnd('/'));
        if (state is null || LabDescription.Read(state) is null)
        {
            return null;
        }
        var paths = new LabPaths(state);
        var daemons = (Directory.Exists(paths.Nodes) ? Directory.GetDirectories(paths.Nodes).Select(n => ReadPid(Path.Combine(n, "run", "sshd.pid"))) : [])
            .Append(ReadPid(paths.HaproxyPid)).Append(ReadPid(paths.MariaDbPid)).OfType<int>();
        var processes = LabProcesses.Snapshot();
        var running = daemons.Any(pid => processes.Any(p => p.Pid == pid && LabProcesses.CommandLine(pid).Contains(state, StringComparison.Ordinal)))
            || processes.Any(p => p.Uid == uid && LabProcesses.IsAlive(p.Pid));
        return running ? null : state;
    }

    public static async Task<bool> AccountExistsAsync(CancellationToken cancel) => await AccountIdAsync(cancel) is not null;

    public static async Task<int?> AccountIdAsync(CancellationToken cancel)
    {
        var result = await LocalProgram.RunAsync("id", ["-u", LabLayout.Account], cancel: cancel);
        return result.ExitCode == 0 && int.TryParse(result.Output.Trim(), out var uid) ? uid : null;
    }

    private static int? ReadPid(string file) =>
        File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;
}
