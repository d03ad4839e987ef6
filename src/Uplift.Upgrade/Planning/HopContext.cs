using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Planning;

namespace Uplift.Upgrade.Planning;

/// <summary>Everything the phase builders of one hop share. PlanId names what belongs to this plan (its backup).</summary>
internal sealed record HopContext(
    ClusterInventory Inventory,
    OpenStackCatalog Catalog,
    PlanOptions Options,
    Release From,
    Release To,
    bool FirstHop,
    IReadOnlyList<ServiceDefinition> Services,
    Node VipHolder,
    IReadOnlyList<Node> Controllers,
    StepList Steps,
    string PlanId)
{
    /// <summary>Controllers other than the VIP holder, in inventory order.</summary>
    public IEnumerable<Node> OtherControllers => Controllers.Where(c => c != VipHolder);

    public Node DatabaseNode =>
        (Inventory.Database.Node is { } name ? Inventory.Find(name) : null) ?? VipHolder;

    public string Reason => Options.RunId.Length == 0
        ? $"uplift: upgrade to {To.Series}"
        : $"uplift run {Options.RunId}: upgrade to {To.Series}";

    /// <summary>The APT layout: the catalog's, with the inventory's own keys in place (inventory 'apt:').</summary>
    public AptSettings Apt { get; } = Catalog.Apt.With(Inventory.Apt);

    /// <summary>The puppet masters (role puppet-master): moved to the target first, in "prepare", agents all disabled.</summary>
    public IReadOnlyList<Node> PuppetMasters { get; init; } = [];

    /// <summary>Per compute, its hypervisor-stack packages that move (read from the nodes when the plan was made).</summary>
    public ILookup<string, HypervisorUpgrade> HypervisorUpgrades { get; } = Options.HypervisorUpgradesByNode();

    // Per node (by its name, unique in an inventory), the values kept for its kind of node; per kind, those values.
    private readonly Dictionary<string, Dictionary<string, object>> _valuesOfNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, object>> _valuesOfKind = new(StringComparer.Ordinal);

    /// <summary>
    /// A value that depends only on a node's roles and the form of its units (its packages, its config checks), computed
    /// once per kind of node: large clusters have thousands of nodes but a handful of role sets.
    /// </summary>
    public T PerRoles<T>(string what, Node node, Func<T> make)
        where T : notnull
    {
        if (!_valuesOfNode.TryGetValue(node.Name, out var values))
        {
            var kind = string.Join(',', node.Roles) + ":" + string.Join(',', node.Alternatives);
            if (!_valuesOfKind.TryGetValue(kind, out values))
            {
                _valuesOfKind.Add(kind, values = new(StringComparer.Ordinal));
            }
            _valuesOfNode.Add(node.Name, values);
        }
        if (!values.TryGetValue(what, out var value))
        {
            values.Add(what, value = make());
        }
        return (T)value;
    }

    /// <summary>The cluster's services in the form they have on <paramref name="node"/> (<see cref="ServiceDefinition.On"/>).</summary>
    public IEnumerable<ServiceDefinition> ServicesOn(Node node) => Services.Select(s => s.On(node));

    public string Phase(string phase) => Steps.Prefix.Length == 0 ? phase : Steps.Prefix + phase;

    public void Enter(string phase, string group, string? service = null)
    {
        Steps.Phase = Phase(phase);
        Steps.Group = group;
        Steps.Service = service;
    }
}
