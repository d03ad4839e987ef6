using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>Builds cinder os-services requests (cinder api-ref v3/os-services.inc). Pure.</summary>
public static class CinderRequests
{
    public static ApiRequest ListServices(string? host = null, string? binary = null) =>
        new(HttpMethod.Get, "/os-services" + QueryString.Of(("host", host), ("binary", binary)));

    public static ApiRequest DisableService(string host, string binary, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new ApiRequest(HttpMethod.Put, "/os-services/disable-log-reason",
            new JsonObject { ["binary"] = binary, ["host"] = host, ["disabled_reason"] = reason });
    }

    public static ApiRequest EnableService(string host, string binary) =>
        new(HttpMethod.Put, "/os-services/enable", new JsonObject { ["binary"] = binary, ["host"] = host });
}
