using System.Net.Sockets;
using System.Text;

namespace Uplift.Haproxy;

/// <summary>An admin socket on this machine, reached directly (Unix socket or TCP).</summary>
public sealed class LocalAdminSocket : IAdminSocket
{
    private readonly AdminSocketAddress _address;
    private readonly TimeSpan _timeout;

    /// <param name="timeout">Longest time for one command, connection included (default 10 s).</param>
    public LocalAdminSocket(AdminSocketAddress address, TimeSpan? timeout = null)
    {
        _address = address;
        _timeout = timeout ?? TimeSpan.FromSeconds(10);
    }

    public string Location => _address.ToString();

    public async Task<string> SendAsync(string command, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        using var socket = _address.IsUnix
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (_address.IsUnix)
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(_address.UnixPath!), deadline.Token);
            }
            else
            {
                await socket.ConnectAsync(_address.Host!, _address.Port, deadline.Token);
            }
            await socket.SendAsync(Encoding.UTF8.GetBytes(command + "\n"), SocketFlags.None, deadline.Token);
            // The reply has no length: HAProxy closes the connection after it, so read to the end, however long.
            using var reply = new MemoryStream();
            await using (var stream = new NetworkStream(socket, ownsSocket: false))
            {
                await stream.CopyToAsync(reply, deadline.Token);
            }
            return Encoding.UTF8.GetString(reply.GetBuffer(), 0, (int)reply.Length);
        }
        catch (SocketException failure)
        {
            var reason = _address.IsUnix && !File.Exists(_address.UnixPath) ? "no socket at this path" : failure.Message;
            throw new AdminSocketUnreachableException(Location, command, reason, Hint(failure.SocketErrorCode), failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AdminSocketUnreachableException(Location, command, $"no complete reply within {_timeout.TotalSeconds:0.#} s",
                "is HAProxy overloaded or stopped? raise the timeout if the reply is very large");
        }
    }

    private string Hint(SocketError error) => error switch
    {
        SocketError.AccessDenied => "the socket's mode refuses this user: run as root or as the haproxy group",
        SocketError.AddressNotAvailable or SocketError.ConnectionRefused when _address.IsUnix =>
            "HAProxy is not listening there: is it running, and does its config hold 'stats socket <path> level admin'?",
        SocketError.ConnectionRefused => "nothing listens on that port: check the 'stats socket' line of the HAProxy config",
        _ when _address.IsUnix => "check the path against the 'stats socket' line of the HAProxy config",
        _ => "check the host, the port and the 'stats socket' line of the HAProxy config",
    };
}
