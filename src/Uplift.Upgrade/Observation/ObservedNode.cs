using Uplift.Inventory;

namespace Uplift.Upgrade.Observation;

/// <summary>What one node runs: the installed code of each service it has, and its machine identity.</summary>
/// <param name="MachineId">/etc/machine-id; null when the node has none.</param>
public sealed record ObservedNode(Node Node, IReadOnlyList<ObservedCode> Code, string? MachineId)
{
    /// <summary>The catalog units this node runs in their alternative form (neutron-server as neutron-api and
    /// neutron-rpc-server), from its installed packages.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>The installed services' code.</summary>
    public IEnumerable<ObservedCode> Installed => Code.Where(c => c.IsInstalled);

    /// <summary>The series of the installed code, oldest catalog order not implied; "unknown" for a version no release has.</summary>
    public IReadOnlyList<string> Series => Installed.Select(c => c.Series ?? Unknown).Distinct().ToList();

    /// <summary>The release the node runs: one series, "mixed" when its services run several, "none" without OpenStack code.</summary>
    public string Release => Series.Count switch
    {
        0 => None,
        1 => Series[0],
        _ => Mixed,
    };

    public const string Unknown = "unknown";
    public const string Mixed = "mixed";
    public const string None = "none";
}
