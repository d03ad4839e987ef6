using Uplift.Upgrade.Steps.Haproxy;
namespace Uplift.Upgrade.Planning;

/// <summary>A controller's server in one HAProxy backend, with where to reach the admin socket.</summary>
/// <param name="Name">The catalog's API name (names the step: drain-nova).</param>
/// <param name="Backend">HAProxy backend name.</param>
/// <param name="Server">Server name inside the backend.</param>
/// <param name="HaproxyNodes">The controllers whose HAProxy the server is drained in, space-separated, the planned VIP
/// holder first: every one, so the server is out of whichever holds the VIP when the step runs, even after a move.</param>
internal sealed record HaproxyServer(
    string Name, string Backend, string Server, int Port, string Unit, string Socket, string HaproxyNodes, int TimeoutSeconds, bool Sudo = false)
{
    private string[] Nodes => HaproxyNodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<KeyValuePair<string, string>> DrainArguments() =>
        new HaproxyDrainStep(Backend, Server, Socket, Nodes, TimeoutSeconds, Sudo).Write();

    public IReadOnlyList<KeyValuePair<string, string>> EnableArguments() =>
        new HaproxyEnableStep(Backend, Server, Socket, Nodes, Sudo).Write();
}
