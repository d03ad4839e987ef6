using System.Globalization;

namespace Uplift.Transports;

/// <summary>
/// Wraps a command's script into the line a node's login shell runs, so that every transport behaves the same:
/// the script runs under <c>/bin/sh -c</c> whatever the login shell is; GNU <c>timeout</c> runs it in its own
/// process group and, past the timeout, signals the whole group (TERM, then KILL after <see cref="KillAfter"/>),
/// so nothing the script started is left running on the node; a remote exit code 255 is marked on stderr
/// because ssh uses 255 for its own failures.
/// </summary>
public static class RemoteScript
{
    /// <summary>Written on stderr (then removed by the transport) when the script itself exited 255.</summary>
    public const string RemoteExit255Marker = "UPLIFT_REMOTE_EXIT=255";

    /// <summary>How long a script may ignore TERM after its timeout before it is killed.</summary>
    public static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(5);

    /// <summary>GNU timeout --verbose writes this on stderr when it signals the command (coreutils timeout.c).</summary>
    private const string TimeoutNotice = "timeout: sending signal ";

    public static string Wrap(RemoteCommand command, TimeSpan timeout)
    {
        var runner = $"timeout --verbose --kill-after={Seconds(KillAfter)} {Seconds(timeout)} /bin/sh -c {ShellWords.Quote(command.Script)}";
        if (command.Sudo)
        {
            // sudo outside timeout: timeout then runs as root and can signal everything the script started.
            runner = "sudo -n " + runner;
        }
        var outer = $"{runner}; rc=$?; if [ $rc -eq 255 ]; then echo {RemoteExit255Marker} >&2; fi; exit $rc";
        // exec: the login shell gives way to /bin/sh instead of waiting for it (dash does not exec the last command).
        return "exec /bin/sh -c " + ShellWords.Quote(outer);
    }

    /// <summary>True when timeout ended the script: it exits 124 (TERM) or 137 (KILL) and says so on stderr.</summary>
    public static bool EndedByTimeout(int exitCode, string standardError) =>
        exitCode is 124 or 137 && standardError.Contains(TimeoutNotice, StringComparison.Ordinal);

    /// <summary>Removes the exit-255 marker line; says whether it was there.</summary>
    public static (string StandardError, bool RemoteExit255) TakeMarker(string standardError)
    {
        var at = standardError.LastIndexOf(RemoteExit255Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return (standardError, false);
        }
        var end = at + RemoteExit255Marker.Length;
        if (end < standardError.Length && standardError[end] == '\n')
        {
            end++;
        }
        return (standardError.Remove(at, end - at), true);
    }

    internal static string Seconds(TimeSpan span) =>
        Math.Max(span.TotalSeconds, 0.001).ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
