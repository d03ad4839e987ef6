namespace Uplift.Inventory;

/// <summary>Where the HAProxy admin socket is on controllers and how backends and servers are named.</summary>
/// <param name="Socket">Admin socket path on the controller (level admin).</param>
/// <param name="BackendPattern">Backend name for a service; <c>{service}</c> is replaced (OCI style: <c>{service}be</c>).</param>
/// <param name="ServerPattern">Server name of a controller inside a backend; <c>{node}</c> and <c>{address}</c> are replaced.</param>
/// <param name="Backends">Per-service backend names that do not follow the pattern (service → backend list).</param>
/// <param name="DrainTimeoutSeconds">How long to wait for sessions to end after a drain.</param>
public sealed record HaproxySettings(
    string Socket = "/run/haproxy/admin.sock",
    string BackendPattern = "{service}be",
    string ServerPattern = "{node}",
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Backends = null,
    int DrainTimeoutSeconds = 60)
{
    public string ServerName(Node node) =>
        ServerPattern.Replace("{node}", node.Name, StringComparison.Ordinal)
                     .Replace("{address}", node.Address, StringComparison.Ordinal);
}
