using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>Builds neutron agent requests (neutron-lib api-ref v2/agents.inc). Pure.</summary>
public static class NeutronRequests
{
    public static ApiRequest ListAgents(string? host = null, string? binary = null) =>
        new(HttpMethod.Get, "/v2.0/agents" + QueryString.Of(("host", host), ("binary", binary)));

    /// <summary>Updates an agent: its admin state (false stops new scheduling to it) and/or its description.</summary>
    public static ApiRequest UpdateAgent(string agentId, bool? adminStateUp = null, string? description = null)
    {
        if (adminStateUp is null && description is null)
        {
            throw new ArgumentException("an agent update needs admin_state_up or a description");
        }
        var agent = new JsonObject();
        if (adminStateUp is { } up)
        {
            agent["admin_state_up"] = up;
        }
        if (description is not null)
        {
            agent["description"] = description;
        }
        return new ApiRequest(HttpMethod.Put, $"/v2.0/agents/{Uri.EscapeDataString(agentId.Trim())}", new JsonObject { ["agent"] = agent });
    }
}
