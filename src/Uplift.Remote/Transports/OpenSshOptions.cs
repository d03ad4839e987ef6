namespace Uplift.Transports;

/// <summary>How the OpenSSH transport runs the system ssh client, beyond what the inventory's ssh settings say.</summary>
/// <param name="Program">The ssh client (OpenSSH).</param>
/// <param name="DefaultTimeout">Timeout of a command that does not set its own.</param>
/// <param name="ControlPersist">How long an idle master connection stays open (it is closed on dispose anyway).</param>
/// <param name="ServerAliveInterval">Keep-alive probe interval; after 3 unanswered probes the connection counts as lost.</param>
/// <param name="AcceptNewHostKeys">Accept and record keys of hosts not yet in known_hosts (never a changed key),
/// even when the inventory asks for strict checking. Off by default: an explicit choice of the operator.</param>
/// <param name="ControlDirectoryParent">Where the private directory of control sockets is made; null means /tmp
/// (Unix socket paths are limited to 108 bytes, so it must be short).</param>
/// <param name="KeepMasters">Leave the master connections open when the transport is disposed, for
/// <see cref="ControlPersist"/> of idleness, in the user's own control directory (<see cref="ControlDirectories.Shared"/>),
/// keyed by user@host:port and how it is reached: the next invocation's commands reuse them instead of connecting again
/// (what ControlPersist gives ssh users). Off: a private directory per transport, masters closed on dispose.</param>
/// <param name="Sessions">Run commands through kept-open sessions on each node's master connection (up to
/// <see cref="SessionsPerNode"/> at once; more, or a command with standard input, get an ssh of their own): a command
/// then costs no ssh client, no new session and no login shell on the node.</param>
/// <param name="Multiplex">Open a command's session on a running master in process, speaking its control protocol
/// (<see cref="MuxClient"/>), instead of starting an ssh client for it: the first command of an invocation on a kept
/// master, and every command no kept-open session takes. Off: an ssh client per such command.</param>
public sealed record OpenSshOptions(
    string Program = "/usr/bin/ssh",
    TimeSpan? DefaultTimeout = null,
    TimeSpan? ControlPersist = null,
    TimeSpan? ServerAliveInterval = null,
    bool AcceptNewHostKeys = false,
    string? ControlDirectoryParent = null,
    bool Sessions = true,
    bool KeepMasters = false,
    bool Multiplex = true)
{
    public const int SessionsPerNode = 4;

    public TimeSpan CommandTimeout => DefaultTimeout ?? TimeSpan.FromHours(1);

    public TimeSpan Persist => ControlPersist ?? TimeSpan.FromMinutes(5);

    public TimeSpan AliveInterval => ServerAliveInterval ?? TimeSpan.FromSeconds(15);
}
