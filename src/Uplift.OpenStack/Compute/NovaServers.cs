using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>Parses nova's server answers: GET /servers/detail ({"servers": […], "servers_links": …}) and GET /servers/{id}.</summary>
public static class NovaServers
{
    private const string What = "nova servers";

    public static ServerPage ParsePage(string json)
    {
        var root = JsonFields.Root(json, What);
        var servers = JsonFields.Objects(root, "servers", What).Select(Parse).ToList();
        // Nova pages at osapi max_limit (1000 by default) and then links rel=next; the marker is the last id.
        var more = root["servers_links"] is JsonArray links
            && links.OfType<JsonObject>().Any(link => JsonFields.Text(link, "rel") == "next");
        return new ServerPage(servers, more && servers.Count > 0 ? servers[^1].Id : null);
    }

    public static Server ParseOne(string json) => JsonFields.One(json, "server", What, Parse);

    private static Server Parse(JsonObject item) => new(
        JsonFields.RequiredId(item, "id", What),
        JsonFields.Text(item, "name"),
        JsonFields.Required(item, "status", What),
        JsonFields.Text(item, "OS-EXT-SRV-ATTR:host"),
        JsonFields.Text(item, "OS-EXT-SRV-ATTR:hypervisor_hostname"),
        JsonFields.Text(item, "OS-EXT-STS:task_state"),
        JsonFields.Text(item, "OS-EXT-STS:vm_state"),
        JsonFields.Text(item, "tenant_id"));
}
