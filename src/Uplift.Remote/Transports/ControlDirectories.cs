using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Uplift.Transports;

/// <summary>
/// Names of the transports' private control-socket directories: <c>uplift-PID-RANDOM</c>. A process killed
/// outright (SIGKILL, power loss) cannot remove its own; the next transport removes those whose process is gone.
/// </summary>
internal static partial class ControlDirectories
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// The user's own directory of kept master connections: <c>$XDG_RUNTIME_DIR/uplift-ssh</c> (a tmpfs of the user's,
    /// emptied at logout) or else <c>~/.cache/uplift/ssh</c>, made 0700. Null when neither can be used (no such variable,
    /// a path too long for a socket, or a directory that is not private: another user could reach the masters).
    /// </summary>
    public static string? Shared(int socketPathLimit)
    {
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        var home = Environment.GetEnvironmentVariable("HOME");
        var directory = runtime is { Length: > 0 } && Directory.Exists(runtime) ? Path.Combine(runtime, "uplift-ssh")
            : home is { Length: > 0 } && Directory.Exists(home) ? Path.Combine(home, ".cache", "uplift", "ssh")
            : null;
        if (directory is null || directory.Length + 1 + SocketName("").Length + 17 > socketPathLimit)
        {
            return null;
        }
        try
        {
            Directory.CreateDirectory(directory, Private);
            // Made by us with 0700, or found: either way it must be ours alone (a group or other bit lets others in).
            return File.GetUnixFileMode(directory) == Private && CanWrite(directory) ? directory : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A master's socket name in the shared directory: a digest of everything that decides the connection
    /// (as ssh's %C digests host, port, user and jump host), short enough for a socket path.</summary>
    public static string SocketName(string connection) =>
        "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(connection)))[..16];

    private static bool CanWrite(string directory)
    {
        var probe = Path.Combine(directory, $".probe-{Environment.ProcessId}-{Path.GetRandomFileName()}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static string NewPath(string parent) =>
        Path.Combine(parent, string.Create(CultureInfo.InvariantCulture,
            $"uplift-{Environment.ProcessId}-{Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)[..6]}"));

    /// <summary>Removes the directories of processes that no longer run (their masters exit by ControlPersist).</summary>
    public static void RemoveLeftovers(string parent)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parent, "uplift-*-*").ToList();
        }
        catch (IOException)
        {
            return;
        }
        foreach (var directory in candidates)
        {
            var match = Name().Match(Path.GetFileName(directory));
            if (!match.Success || Directory.Exists($"/proc/{match.Groups[1].Value}"))
            {
                continue;
            }
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another transport removed it first, or it belongs to another user.
            }
        }
    }

    [GeneratedRegex("^uplift-([0-9]+)-[a-z0-9]{6}$")]
    private static partial Regex Name();
}
