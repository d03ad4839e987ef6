using System.Collections.Concurrent;
using Uplift.Haproxy;

namespace Uplift.Tests.Integration;

/// <summary>A real admin socket that also records the connections made and the commands sent through it.</summary>
internal sealed class WatchedSocket(IAdminSocket inner) : IAdminSocket
{
    /// <summary>Every command, in order, whether it went alone or with others in one connection.</summary>
    public ConcurrentQueue<string> Sent { get; } = new();

    /// <summary>The line sent on each connection.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Location => inner.Location;

    public int Count(string command) => Sent.Count(c => c == command);

    public Task<string> SendAsync(string command, CancellationToken cancellationToken = default)
    {
        Lines.Enqueue(command);
        foreach (var one in command.Split(';'))
        {
            Sent.Enqueue(one);
        }
        return inner.SendAsync(command, cancellationToken);
    }
}
