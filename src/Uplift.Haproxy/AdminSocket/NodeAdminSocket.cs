using Uplift.Transports;

namespace Uplift.Haproxy;

/// <summary>
/// An admin socket on a node, reached through its shell: socat there connects to the socket, the command goes
/// on its stdin (from printf, in the script: the remote command itself reads no input, so it can run in a kept-open
/// session) and the reply comes back on its stdout once HAProxy closes the connection.
/// </summary>
public sealed class NodeAdminSocket(IRemoteShell shell, AdminSocketAddress address, bool sudo = false, TimeSpan? timeout = null)
    : IAdminSocket
{
    /// <summary>Exit code the script uses when socat is missing (the shell's own "command not found" code).</summary>
    public const int SocatMissing = 127;

    public string Location => $"{shell.Node}:{address}";

    /// <summary>The shell script run on the node to send <paramref name="command"/> (pure: tested without a node).</summary>
    public static string Script(AdminSocketAddress address, string command)
    {
        // AdminSocketAddress refuses quotes and socat's separators, so single quotes are enough here.
        var target = address.IsUnix ? $"UNIX-CONNECT:'{address.UnixPath}'" : $"TCP:'{address.Host}:{address.Port}'";
        // -t: socat quits 0.5 s after stdin's end by default, which can cut a long reply; HAProxy's close ends it anyway.
        return $"command -v socat >/dev/null 2>&1 || {{ echo 'socat: not found' >&2; exit {SocatMissing}; }}; " +
            $"printf '%s\\n' {ShellWords.Quote(command)} | socat -t 30 stdio {target}";
    }

    public async Task<string> SendAsync(string command, CancellationToken cancellationToken = default)
    {
        var result = await shell.RunAsync(
            new RemoteCommand(Script(address, command), timeout ?? TimeSpan.FromSeconds(30), Sudo: sudo), cancellationToken);
        if (result.Unreachable)
        {
            throw new AdminSocketUnreachableException(Location, command, $"node {shell.Node} is unreachable: {result.StandardError.Trim()}",
                "check SSH access to the node ('uplift exec' or ssh by hand)");
        }
        if (result.TimedOut)
        {
            throw new AdminSocketUnreachableException(Location, command, $"no reply within {result.Elapsed.TotalSeconds:0.#} s",
                "is HAProxy on the node overloaded or stopped?");
        }
        if (result.ExitCode == SocatMissing)
        {
            throw new AdminSocketUnreachableException(Location, command, $"socat is not installed on node {shell.Node}",
                "install it there (apt-get install socat): Uplift talks to HAProxy's socket through it");
        }
        if (result.ExitCode != 0)
        {
            throw new AdminSocketUnreachableException(Location, command,
                $"socat on node {shell.Node} failed (exit {result.ExitCode}): {result.StandardError.Trim()}",
                "check the socket path against the node's 'stats socket' line, and that this user may open it (ssh.sudo)");
        }
        return result.StandardOutput;
    }
}
