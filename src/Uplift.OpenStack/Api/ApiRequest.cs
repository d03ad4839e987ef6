using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// One call to a service, as data: method, path below the service's endpoint (query included),
/// JSON body, and the microversion to ask for (e.g. "compute 2.53"; null for the service's base version).
/// Request builders return these; the session sends them.
/// </summary>
public sealed record ApiRequest(HttpMethod Method, string Path, JsonObject? Body = null, string? Microversion = null)
{
    public override string ToString() => $"{Method} {Path}";
}
