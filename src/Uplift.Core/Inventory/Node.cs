namespace Uplift.Inventory;

/// <summary>One machine of the cluster, as the operator describes it.</summary>
/// <param name="Name">Unique short name, used in step ids and as the HAProxy server name by default.</param>
/// <param name="Address">Host name or IP address SSH connects to.</param>
/// <param name="Roles">At least one role.</param>
/// <param name="AvailabilityZone">Nova availability zone (computes); null when not set.</param>
/// <param name="User">SSH user for this node; null means the inventory's ssh.user.</param>
/// <param name="Port">SSH port for this node; null means the inventory's ssh.port.</param>
public sealed record Node(
    string Name,
    string Address,
    IReadOnlyList<Role> Roles,
    string? AvailabilityZone = null,
    string? User = null,
    int? Port = null)
{
    /// <summary>Catalog units this node runs in their alternative form (<c>ServiceDefinition.Alternatives</c>), read from
    /// its installed packages when the plan is made: neutron-server when it has neutron-api and neutron-rpc-server.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    public bool Has(Role role) => Roles.Contains(role);
}
