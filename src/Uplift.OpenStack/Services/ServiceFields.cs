using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>The status/state words nova and cinder share ("enabled"/"disabled", "up"/"down"; "UNKNOWN" from down cells).</summary>
internal static class ServiceFields
{
    public static ServiceStatus Status(JsonObject item) => JsonFields.Text(item, "status")?.ToLowerInvariant() switch
    {
        "enabled" => ServiceStatus.Enabled,
        "disabled" => ServiceStatus.Disabled,
        _ => ServiceStatus.Unknown,
    };

    public static ServiceState State(JsonObject item) => JsonFields.Text(item, "state")?.ToLowerInvariant() switch
    {
        "up" => ServiceState.Up,
        "down" => ServiceState.Down,
        _ => ServiceState.Unknown,
    };
}
