using System.Collections.Concurrent;
using Uplift.Haproxy;

namespace Uplift.Tests.Integration;

/// <summary>A real admin socket that also records the commands sent through it.</summary>
internal sealed class WatchedSocket(IAdminSocket inner) : IAdminSocket
{
    public ConcurrentQueue<string> Sent { get; } = new();

    public string Location => inner.Location;

    public int Count(string command) => Sent.Count(c => c == command);

    public Task<string> SendAsync(string command, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(command);
        return inner.SendAsync(command, cancellationToken);
    }
}
