using System.Text.Json;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// Which machines a journal's run worked on: per node, its machine id and the host keys known_hosts holds for it,
/// and the release it ran when the run started. A journal is continued only on the same machines.
/// </summary>
public sealed record ClusterIdentity(IReadOnlyDictionary<string, NodeIdentity> Nodes)
{
    public static ClusterIdentity Of(ClusterObservation observed, Func<ObservedNode, IReadOnlyList<string>> hostKeys) =>
        new(observed.Nodes.ToDictionary(n => n.Node.Name, n => new NodeIdentity(n.MachineId, hostKeys(n), n.Release), StringComparer.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(Nodes.OrderBy(n => n.Key, StringComparer.Ordinal).ToDictionary(), Json);

    /// <exception cref="FormatException">The text is not an identity this version wrote.</exception>
    public static ClusterIdentity Parse(string json)
    {
        try
        {
            return new(JsonSerializer.Deserialize<Dictionary<string, NodeIdentity>>(json, Json) ?? throw new FormatException("empty identity"));
        }
        catch (JsonException bad)
        {
            throw new FormatException($"the journal's cluster identity cannot be read: {bad.Message}");
        }
    }

    /// <summary>Nodes that are other machines now than when the journal's run started, one sentence each.</summary>
    public IReadOnlyList<string> MachinesChanged(ClusterIdentity now)
    {
        var changed = new List<string>();
        foreach (var (name, then) in Nodes)
        {
            if (!now.Nodes.TryGetValue(name, out var current))
            {
                continue;
            }
            if (then.MachineId is not null && current.MachineId is not null && then.MachineId != current.MachineId)
            {
                changed.Add($"{name}: machine id {current.MachineId}, was {then.MachineId}");
            }
            else if (then.HostKeys.Count > 0 && current.HostKeys.Count > 0 && !then.HostKeys.Intersect(current.HostKeys).Any())
            {
                changed.Add($"{name}: host key {current.HostKeys[0]}, was {then.HostKeys[0]}");
            }
        }
        return changed;
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

/// <param name="MachineId">/etc/machine-id; null when the node has none.</param>
/// <param name="HostKeys">SHA256 fingerprints known_hosts holds for the node.</param>
/// <param name="Release">What it ran (<see cref="ObservedNode.Release"/>).</param>
public sealed record NodeIdentity(string? MachineId, IReadOnlyList<string> HostKeys, string Release);
