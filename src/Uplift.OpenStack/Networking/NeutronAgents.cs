using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// Parses neutron's GET /v2.0/agents ({"agents": […]}) and PUT /v2.0/agents/{id} ({"agent": {…}})
/// (neutron-lib api-ref v2/agents.inc). Ids are trimmed: the upstream list sample carries " 04c62b91-…"
/// with a leading space, and an id with a space cannot be put back into a URL.
/// </summary>
public static class NeutronAgents
{
    private const string What = "neutron agents";

    public static IReadOnlyList<NeutronAgent> ParseList(string json) => JsonFields.List(json, "agents", What, Parse);

    public static NeutronAgent ParseOne(string json) => JsonFields.One(json, "agent", What, Parse);

    private static NeutronAgent Parse(JsonObject item) => new(
        JsonFields.RequiredId(item, "id", What),
        JsonFields.Required(item, "agent_type", What),
        JsonFields.Required(item, "binary", What),
        JsonFields.Required(item, "host", What),
        // A missing flag is read as the unsafe answer: not alive, not admin up.
        JsonFields.Flag(item, "alive") ?? false,
        JsonFields.Flag(item, "admin_state_up") ?? false,
        JsonFields.Text(item, "availability_zone"),
        JsonFields.Text(item, "description"),
        JsonFields.Time(item, "heartbeat_timestamp"));
}
