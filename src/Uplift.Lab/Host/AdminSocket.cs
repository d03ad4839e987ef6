using System.Net.Sockets;
using System.Text;

namespace Uplift.Lab;

/// <summary>One command on HAProxy's admin socket (one command per connection; the reply ends when the socket closes).</summary>
public static class AdminSocket
{
    public static async Task<string> QueryAsync(string socketPath, string command, CancellationToken cancel)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancel);
        await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), cancel);
        var reply = new StringBuilder();
        var buffer = new byte[65536];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, cancel)) > 0)
        {
            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return reply.ToString();
    }
}
