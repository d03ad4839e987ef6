namespace Uplift.Inventory;

/// <summary>The cluster as the operator describes it in inventory.yaml. Built and validated by <see cref="InventoryLoader"/>.</summary>
/// <param name="Cluster">Cluster name: names the journal and the state directory.</param>
/// <param name="Nodes">Every node, in the order of the file.</param>
/// <param name="OptionalServices">Optional catalog services the cluster runs (barbican, designate, octavia …).</param>
/// <param name="Source">Path of the file it was read from (for messages).</param>
/// <param name="ContentHash">sha256 of the file's bytes: a plan records it and is refused when it changes.</param>
public sealed record ClusterInventory(
    string Cluster,
    IReadOnlyList<Node> Nodes,
    PacemakerSettings Pacemaker,
    HaproxySettings Haproxy,
    SshSettings Ssh,
    ConcurrencySettings Concurrency,
    DatabaseSettings Database,
    IReadOnlyList<string> OptionalServices,
    string Source,
    string ContentHash)
{
    /// <summary>Whether puppet manages the nodes (inventory 'puppet:').</summary>
    public PuppetSettings Puppet { get; init; } = new();

    /// <summary>The cluster's clouds.yaml and cloud (inventory 'openstack:').</summary>
    public OpenStackSettings OpenStack { get; init; } = new();

    /// <summary>The cluster's APT repository layout where it differs from the catalog's (inventory 'apt:').</summary>
    public AptOverrides Apt { get; init; } = new();

    /// <summary>What the estimate cannot know (inventory 'estimate:').</summary>
    public EstimateSettings Estimate { get; init; } = new();

    public IEnumerable<Node> WithRole(Role role) => Nodes.Where(n => n.Has(role));

    /// <summary>The nodes Uplift upgrades service by service: all but those whose only roles are Ceph, which it leaves
    /// alone (no step, no SSH), or the puppet master, which has steps of its own (<see cref="Role.PuppetMaster"/>).</summary>
    public ClusterInventory Managed => Nodes.All(IsManaged) ? this : this with { Nodes = [.. Nodes.Where(IsManaged)] };

    private static bool IsManaged(Node node) => !node.Roles.All(r => r is Role.Ceph or Role.PuppetMaster);

    public Node? Find(string name) => Nodes.FirstOrDefault(n => n.Name == name);
}
