using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// Parses nova os-services answers: the list ({"services": […]}) and one service ({"service": {…}}) as
/// returned by the 2.53 update and the older disable-log-reason / enable calls
/// (nova api-ref compute/os-services.inc; down-cell form: doc/api_samples/os-services/v2.69).
/// </summary>
public static class NovaServices
{
    private const string What = "nova services";

    public static IReadOnlyList<NovaService> ParseList(string json) => JsonFields.List(json, "services", What, Parse);

    public static NovaService ParseOne(string json) => JsonFields.One(json, "service", What, Parse);

    private static NovaService Parse(JsonObject item) => new(
        JsonFields.Id(item, "id"),
        JsonFields.Required(item, "binary", What),
        JsonFields.Required(item, "host", What),
        ServiceFields.Status(item),
        ServiceFields.State(item),
        JsonFields.Text(item, "zone"),
        JsonFields.Text(item, "disabled_reason"),
        JsonFields.Flag(item, "forced_down"),
        JsonFields.Time(item, "updated_at"));
}
