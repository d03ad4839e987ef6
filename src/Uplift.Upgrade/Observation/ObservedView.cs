using Uplift.Inventory;

namespace Uplift.Upgrade.Observation;

/// <summary>The rows of "what each node runs": node, roles, release, the version of each service's code.</summary>
public static class ObservedView
{
    public static string[] Headers { get; } = ["NODE", "ROLES", "RELEASE", "CODE"];

    public static List<string[]> Rows(ClusterObservation observed) => observed.Nodes.Select(n => new[]
    {
        n.Node.Name,
        string.Join(", ", n.Node.Roles.Select(InventoryYamlWriter.RoleName)),
        n.Release == ObservedNode.Mixed ? $"mixed ({string.Join(", ", n.Series)})" : n.Release,
        string.Join(", ", n.Code.Select(c => $"{c.Service} {c.Version ?? "-"}")),
    }).ToList();

    /// <summary>One line under the table: the cluster's release, or the releases it is split over.</summary>
    public static string Summary(ClusterObservation observed)
    {
        var releases = observed.Nodes.SelectMany(n => n.Series).Distinct().ToList();
        return releases.Count switch
        {
            0 => "no node runs OpenStack code whose release Uplift can read",
            1 => $"every node runs {releases[0]}",
            _ => $"mixed releases: {observed.ByRelease()}",
        };
    }
}
