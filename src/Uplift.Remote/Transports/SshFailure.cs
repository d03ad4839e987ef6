namespace Uplift.Transports;

/// <summary>
/// Reads what ssh wrote when it exited 255 without running the command (pure): what went wrong, in the
/// operator's words, and what to do. The phrases are OpenSSH's own messages (ssh.c, sshconnect.c, sshconnect2.c).
/// </summary>
public static class SshFailure
{
    private static readonly (string Phrase, string Reason)[] Known =
    [
        ("REMOTE HOST IDENTIFICATION HAS CHANGED", "its host key CHANGED from the one in known_hosts: check the node before removing the old key"),
        ("Host key verification failed", "its host key is not in known_hosts (strict checking): check its fingerprint and add it, or accept new keys explicitly"),
        ("No matching host key type found", "no common host key type: check the node's sshd HostKey settings"),
        ("Connection refused", "connection refused: is sshd running and listening on that port?"),
        ("Connection timed out during banner exchange", "the node accepted the connection but sshd did not answer in time"),
        ("Connection timed out", "connection timed out: is the node up and reachable from here (firewall, route)?"),
        ("Operation timed out", "connection timed out: is the node up and reachable from here (firewall, route)?"),
        ("No route to host", "no route to host: is the node up and its address right?"),
        ("Network is unreachable", "network unreachable from this machine"),
        ("Could not resolve hostname", "its host name does not resolve: check the address in the inventory"),
        ("Permission denied", "authentication refused: check the ssh user and identity file in the inventory"),
        ("Too many authentication failures", "too many keys offered: set ssh.identity_file so only that key is tried"),
        // ProxyJump: the jump host's ssh -W ended, so the node's side is "UNKNOWN port 65535" (the jump host's own words come first when it printed any).
        ("Connection closed by UNKNOWN port 65535", "the connection through the jump host closed before login: is the jump host reachable, and can it resolve and reach the node?"),
        ("Connection closed by", "sshd closed the connection before login (MaxStartups, AllowUsers or a TCP wrapper?)"),
        ("Connection reset by", "the connection was reset before login"),
        ("kex_exchange_identification", "sshd closed the connection before login (MaxStartups, AllowUsers or a TCP wrapper?)"),
        ("Timeout, server", "the connection was lost (no answer to keep-alives): the command may have run in part"),
        ("Broken pipe", "the connection was lost: the command may have run in part"),
    ];

    /// <summary>One line: "cannot reach NODE (user@host:port): REASON (ssh: WHAT SSH SAID)". The reason is that of the
    /// first phrase of the table found in what ssh printed (the table lists causes before their consequences: a name that
    /// does not resolve before the connection it closed); ssh's own words follow, since they name what the reason cannot
    /// (which host, which file).</summary>
    public static string Describe(string node, SshDestination destination, string sshError)
    {
        var said = Said(sshError);
        var known = Known.FirstOrDefault(k => sshError.Contains(k.Phrase, StringComparison.OrdinalIgnoreCase)).Reason;
        var reason = known is null
            ? said.LastOrDefault() ?? "ssh exited 255 without a message"
            : $"{known} (ssh: {string.Join("; ", said)})";
        return $"cannot reach {node} ({destination}): {reason}";
    }

    /// <summary>ssh's message lines, without its banners of @ signs, debug lines, the notice of a host key added, and the
    /// "ssh: " ssh puts before some of them.</summary>
    private static List<string> Said(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('@') && !line.StartsWith("debug", StringComparison.Ordinal)
                && !line.StartsWith("Warning: Permanently added", StringComparison.Ordinal))
            .Select(line => line.StartsWith("ssh: ", StringComparison.Ordinal) ? line[5..] : line)];
}
