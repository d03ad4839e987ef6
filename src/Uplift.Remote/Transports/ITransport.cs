using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>Gives a shell for each node; owns the connections (closing them on dispose).</summary>
public interface ITransport : IAsyncDisposable
{
    IRemoteShell ShellFor(Node node);
}
