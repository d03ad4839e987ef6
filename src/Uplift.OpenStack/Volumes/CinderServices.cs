using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// Parses cinder os-services answers (cinder api-ref v3/os-services.inc): the list ({"services": […]}) and the
/// flat answer to disable-log-reason / enable ({"host", "binary", "status", "disabled", "disabled_reason"}).
/// </summary>
public static class CinderServices
{
    private const string What = "cinder services";

    public static IReadOnlyList<CinderService> ParseList(string json) => JsonFields.List(json, "services", What, Parse);

    public static CinderService ParseChange(string json) => Parse(JsonFields.Root(json, What));

    private static CinderService Parse(JsonObject item)
    {
        var status = ServiceFields.Status(item);
        if (status == ServiceStatus.Unknown && JsonFields.Flag(item, "disabled") is { } disabled)
        {
            status = disabled ? ServiceStatus.Disabled : ServiceStatus.Enabled;
        }
        return new CinderService(
            JsonFields.Required(item, "binary", What),
            JsonFields.Required(item, "host", What),
            status,
            ServiceFields.State(item),
            JsonFields.Text(item, "zone"),
            JsonFields.Text(item, "disabled_reason"),
            JsonFields.Time(item, "updated_at"),
            JsonFields.Text(item, "cluster"),
            JsonFields.Flag(item, "frozen"),
            JsonFields.Text(item, "replication_status"),
            JsonFields.Text(item, "backend_state"));
    }
}
