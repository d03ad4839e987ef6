using System.Globalization;

namespace Uplift.Lab;

/// <summary>Processes of this machine as /proc shows them, and ending a known set of them by id.</summary>
public static class LabProcesses
{
    public sealed record Entry(int Pid, int ParentPid, int Uid);

    public static IReadOnlyList<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                var status = File.ReadAllLines(Path.Combine(directory, "status"));
                int Field(string name) => int.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))
                    .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                entries.Add(new Entry(pid, Field("PPid:"), Field("Uid:")));
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return entries;
    }

    /// <summary>The given processes and every process descending from them.</summary>
    public static HashSet<int> WithDescendants(IReadOnlyList<Entry> processes, IEnumerable<int> roots)
    {
        var found = roots.ToHashSet();
        var queue = new Queue<int>(found);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var child in processes.Where(p => p.ParentPid == parent && found.Add(p.Pid)))
            {
                queue.Enqueue(child.Pid);
            }
        }
        return found;
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>The root directory a process sees ('/' unless chrooted); empty when it is gone or unreadable.</summary>
    public static string RootOf(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/root").LinkTarget ?? "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    /// <summary>SIGTERM, then SIGKILL after the grace period; returns the ids still alive.</summary>
    public static async Task<IReadOnlyList<int>> EndAsync(IReadOnlySet<int> pids, TimeProvider time, TimeSpan grace, CancellationToken cancel)
    {
        foreach (var pid in pids)
        {
            await LocalProgram.RunAsync("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)], cancel: cancel);
        }
        var deadline = time.GetUtcNow() + grace;
        while (pids.Any(IsAlive) && time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancel);
        }
        foreach (var pid in pids.Where(IsAlive))
        {
            await LocalProgram.RunAsync("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)], cancel: cancel);
        }
        // A killed process still takes a moment to go (freeing a service's memory on a loaded machine: 100 ms may not do for
        // the real lab's 80-odd processes; the likely cause of one cleanup failure in CI, whose message was not kept): waited for, up to 5 s.
        var killed = time.GetUtcNow() + TimeSpan.FromSeconds(5);
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancel);
        }
        while (pids.Any(IsAlive) && time.GetUtcNow() < killed);
        return [.. pids.Where(IsAlive)];
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
