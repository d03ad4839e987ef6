using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>Runs every node's commands on this machine with /bin/sh (for a single-machine setup and for tests).</summary>
public sealed class LocalTransport(TimeProvider? time = null, TimeSpan? defaultTimeout = null) : ITransport
{
    public IRemoteShell ShellFor(Node node) =>
        new LocalShell(node.Name, time ?? TimeProvider.System, defaultTimeout ?? TimeSpan.FromHours(1));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
