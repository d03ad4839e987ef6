namespace Uplift.Haproxy;

/// <summary>The service behind a server did not answer on its own address in time, so it was left out of rotation.</summary>
public sealed class BackendNotAnsweringException(string location, string backend, string server, string address, TimeSpan waited)
    : HaproxyException(
        $"server {backend}/{server} did not answer on {address} within {waited.TotalSeconds:0.#} s; it was not put back in rotation",
        location, "(probe of the server's own address)", backend: backend, server: server,
        hint: "check the service on that node (systemctl status, its log), then 'uplift haproxy enable-server'")
{
    public string Address { get; } = address;
}
