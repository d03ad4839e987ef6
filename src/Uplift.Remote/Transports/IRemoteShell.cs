namespace Uplift.Transports;

/// <summary>Runs commands on one node. Implementations: OpenSSH (multiplexed) and local.</summary>
public interface IRemoteShell
{
    /// <summary>The inventory name of the node.</summary>
    string Node { get; }

    Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default);
}
