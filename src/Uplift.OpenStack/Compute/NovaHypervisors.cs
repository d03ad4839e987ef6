using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>Parses {"hypervisors": [{…, "servers": [{"uuid", "name"}]}]}; "servers" is absent for an empty hypervisor.</summary>
public static class NovaHypervisors
{
    private const string What = "nova hypervisors";

    public static IReadOnlyList<Hypervisor> ParseList(string json) => JsonFields.List(json, "hypervisors", What, Parse);

    private static Hypervisor Parse(JsonObject item) => new(
        JsonFields.Id(item, "id"),
        JsonFields.Required(item, "hypervisor_hostname", What),
        ServiceFields.State(item),
        ServiceFields.Status(item),
        JsonFields.ObjectsIfAny(item, "servers", What)
            .Select(s => new HypervisorServer(JsonFields.Id(s, "uuid") ?? throw new FormatException($"{What}: a server has no 'uuid'"), JsonFields.Text(s, "name")))
            .ToList());
}
