namespace Uplift.Haproxy;

/// <summary>A server was put back to "ready", but HAProxy's health checks did not see it up in time: HAProxy sends it nothing.</summary>
public sealed class ServerNotSeenUpException(string location, string backend, string server, TimeSpan waited)
    : HaproxyException(
        $"server {backend}/{server} is back in rotation (ready) but HAProxy's health checks still see it down after {waited.TotalSeconds:0.#} s: it gets no traffic",
        location, $"show servers state {backend}", backend: backend, server: server,
        hint: "check the service on that node and the server's check in haproxy.cfg (show stat: check_status); HAProxy takes it back once a check passes")
{
}
