namespace Uplift.Planning;

/// <summary>A controller's server in one HAProxy backend, with where to reach the admin socket.</summary>
/// <param name="Name">The catalog's API name (names the step: drain-nova).</param>
/// <param name="Backend">HAProxy backend name.</param>
/// <param name="Server">Server name inside the backend.</param>
/// <param name="HaproxyNode">Node whose HAProxy serves the VIP (the admin socket is there).</param>
internal sealed record HaproxyServer(
    string Name, string Backend, string Server, int Port, string Unit, string Socket, string HaproxyNode, int TimeoutSeconds, bool Sudo = false)
{
    public IReadOnlyList<KeyValuePair<string, string>> DrainArguments() => Args.Of(
        ("backend", Backend), ("server", Server), ("socket", Socket), ("haproxy-node", HaproxyNode),
        ("timeout", TimeoutSeconds.ToString()), ("sudo", Sudo ? "true" : null));

    public IReadOnlyList<KeyValuePair<string, string>> EnableArguments() => Args.Of(
        ("backend", Backend), ("server", Server), ("socket", Socket), ("haproxy-node", HaproxyNode), ("sudo", Sudo ? "true" : null));
}
