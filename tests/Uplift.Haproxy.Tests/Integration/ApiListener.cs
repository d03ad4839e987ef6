using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Uplift.Tests.Integration;

/// <summary>
/// A tiny HTTP/1.1 server standing for one controller's API on its own loopback address. GET /slow is held
/// until the test opens <see cref="ReleaseSlow"/>; everything else answers 200 at once (health checks included).
/// </summary>
internal sealed class ApiListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private TaskCompletionSource _slowGate = NewGate();
    private TaskCompletionSource _slowArrived = NewGate();

    public ApiListener(string name, IPAddress address, int port)
    {
        Name = name;
        Endpoint = new IPEndPoint(address, port);
        _listener = new TcpListener(Endpoint);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Name { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>Completes when a /slow request reached this server.</summary>
    public Task SlowArrived => _slowArrived.Task;

    /// <summary>Arms a new slow request: the next /slow waits until <see cref="ReleaseSlow"/>.</summary>
    public void ArmSlow()
    {
        _slowGate = NewGate();
        _slowArrived = NewGate();
    }

    public void ReleaseSlow() => _slowGate.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        ReleaseSlow();
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                var path = request.ToString().Split(' ', 3)[1];
                if (path.StartsWith("/slow", StringComparison.Ordinal))
                {
                    _slowArrived.TrySetResult();
                    await _slowGate.Task.WaitAsync(_stop.Token);
                }
                var body = $"{Name} {path}\n";
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The client or the test went away: nothing to answer.
            }
        }
    }
}
