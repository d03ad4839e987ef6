using System.Net.Sockets;

namespace Uplift.Haproxy;

/// <summary>
/// Probes for <see cref="ServerDrain.EnableAfterHealthyAsync"/>: does the service answer on the server's own
/// address (srv_addr:srv_port), bypassing HAProxy? Run from this machine, so the address must be reachable from it.
/// </summary>
public static class AddressProbe
{
    /// <summary>A TCP connection to the server's address succeeds.</summary>
    public static Func<ServerState, CancellationToken, Task<bool>> Tcp(TimeSpan timeout) => async (server, cancellationToken) =>
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(server.Address, server.Port ?? 0, deadline.Token);
            return true;
        }
        catch (Exception failure) when (failure is SocketException || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    };

    /// <summary>An HTTP GET of <paramref name="path"/> on the server's address answers with a status below 500.</summary>
    public static Func<ServerState, CancellationToken, Task<bool>> Http(string path, TimeSpan timeout) => async (server, cancellationToken) =>
    {
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://{server.Address}:{server.Port}{path}"), cancellationToken);
            return (int)response.StatusCode < 500;
        }
        catch (Exception failure) when (failure is HttpRequestException || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    };
}
