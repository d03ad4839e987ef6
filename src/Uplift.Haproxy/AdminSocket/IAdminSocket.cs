namespace Uplift.Haproxy;

/// <summary>
/// One HAProxy admin socket (runtime API). Each call opens a connection, sends one line and returns the whole reply,
/// read until HAProxy closes the connection (non-interactive mode, haproxy doc/management.txt §9.3). The line is one
/// command, or several separated by ';' (<see cref="AdminBatch"/>), whose replies follow one another.
/// Implementations do I/O only; replies are checked and parsed by <see cref="HaproxyClient"/>.
/// </summary>
public interface IAdminSocket
{
    /// <summary>Where the socket is, for messages: a path, host:port, or node:path.</summary>
    string Location { get; }

    /// <summary>Sends one line (no newline) and returns every byte of the reply as text.</summary>
    Task<string> SendAsync(string command, CancellationToken cancellationToken = default);
}
