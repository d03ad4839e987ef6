using System.Text.Json;

namespace Uplift.Nodes;

/// <summary>
/// RabbitMQ's cluster health, from <c>rabbitmqctl</c> (RabbitMQ 3.8 and later): <c>await_startup</c> returns once the
/// node's application runs; <c>cluster_status --formatter json</c> lists the members ("disk_nodes", "ram_nodes"), those
/// running, resource alarms and partitions (keys as RabbitMQ 3.10 prints them, Samples/rabbitmqctl). Pure.
/// </summary>
public static class Rabbitmq
{
    /// <summary>Waits up to 60 s for the local node's application (exit 69 when the node does not run at all).</summary>
    public const string AwaitStartup = "rabbitmqctl --timeout 60 await_startup";

    public const string ClusterStatus = "rabbitmqctl cluster_status --formatter json";

    /// <exception cref="FormatException">Not the JSON cluster_status prints.</exception>
    public static RabbitmqCluster ParseClusterStatus(string output)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("running_nodes", out _) || !root.TryGetProperty("disk_nodes", out _))
            {
                throw new FormatException("rabbitmqctl cluster_status printed JSON without running_nodes and disk_nodes");
            }
            var members = Names(root, "disk_nodes").Concat(Names(root, "ram_nodes")).Distinct(StringComparer.Ordinal).ToList();
            var alarms = root.TryGetProperty("alarms", out var a) && a.ValueKind == JsonValueKind.Array
                ? a.EnumerateArray().Select(Alarm).ToList()
                : [];
            var partitions = root.TryGetProperty("partitions", out var p) && p.ValueKind == JsonValueKind.Object
                ? p.EnumerateObject().Where(n => n.Value.ValueKind == JsonValueKind.Array && n.Value.GetArrayLength() > 0)
                    .Select(n => $"{n.Name} cannot see {string.Join(", ", n.Value.EnumerateArray().Select(v => v.ToString()))}").ToList()
                : [];
            return new RabbitmqCluster(members, Names(root, "running_nodes"), alarms, partitions);
        }
        catch (JsonException bad)
        {
            throw new FormatException($"rabbitmqctl cluster_status did not print JSON: {bad.Message}", bad);
        }
    }

    private static List<string> Names(JsonElement root, string key) =>
        root.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    private static string Alarm(JsonElement alarm) =>
        alarm.ValueKind == JsonValueKind.Object
            ? $"{Text(alarm, "resource") ?? Text(alarm, "type") ?? "an"} alarm on {Text(alarm, "node") ?? "a node"}"
            : alarm.ToString();

    private static string? Text(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A RabbitMQ cluster as cluster_status shows it.</summary>
public sealed record RabbitmqCluster(IReadOnlyList<string> Members, IReadOnlyList<string> Running, IReadOnlyList<string> Alarms, IReadOnlyList<string> Partitions)
{
    public IReadOnlyList<string> Stopped => [.. Members.Except(Running, StringComparer.Ordinal)];

    /// <summary>Every member runs, with no alarm and no partition.</summary>
    public bool IsWhole => Members.Count > 0 && Stopped.Count == 0 && Alarms.Count == 0 && Partitions.Count == 0;

    /// <summary>"3 of 3 members running", and what is wrong.</summary>
    public string Describe() =>
        string.Join("; ", new[]
        {
            $"{Members.Count - Stopped.Count} of {Members.Count} members running" + (Stopped.Count > 0 ? $" ({string.Join(", ", Stopped)} stopped)" : ""),
            Alarms.Count > 0 ? string.Join(", ", Alarms) : null,
            Partitions.Count > 0 ? "partitioned: " + string.Join("; ", Partitions) : null,
        }.OfType<string>());
}
