using System.Globalization;

namespace Uplift.Testing.Sshd;

/// <summary>Reads this machine's process table (/proc) to find the processes a daemon or an account left.</summary>
internal static class LocalProcesses
{
    /// <summary>Processes running as the user id <paramref name="uid"/> (real uid).</summary>
    public static IEnumerable<int> OwnedBy(int uid) =>
        All().Where(pid => Field(pid, "Uid") == uid);

    public static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended meanwhile.
        }
    }

    private static IEnumerable<int> All() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    // /proc/PID/status lines look like "Uid:\t1000\t1000\t1000\t1000" (real uid first).
    private static int? Field(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(name + ":", StringComparison.Ordinal))
                {
                    var value = line[(name.Length + 1)..].Trim().Split('\t', ' ')[0];
                    return int.Parse(value, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended while we read it.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
