using Uplift.Catalog;
using Uplift.Inventory;

namespace Uplift.Lab;

/// <summary>Where everything of a lab is: node names and addresses, the VIP, the account. Pure.</summary>
public sealed class LabLayout
{
    public const string Account = "uplift-lab";
    public const string AddressPrefix = "127.0.10.";
    public const string VipAddress = AddressPrefix + "250";
    public const string ApiVipResource = "openstack-api-vip";
    public const int DatabasePort = 3306;

    public LabLayout(LabOptions options, OpenStackCatalog catalog)
    {
        Options = options;
        Catalog = catalog;
        Paths = new LabPaths(options.StateDirectory);
        Release = catalog.FindRelease(options.Release) ?? throw new ArgumentException($"unknown release {options.Release}", nameof(options));
        var nodes = new List<LabNode>();
        void Add(string prefix, Role role, int count)
        {
            for (var i = 1; i <= count; i++)
            {
                var az = role == Role.Compute ? (i <= (count + 1) / 2 ? "az1" : "az2") : null;
                nodes.Add(new LabNode($"{prefix}{i}", AddressPrefix + (nodes.Count + 1), role, az));
            }
        }
        Add("ctl", Role.Controller, options.Controllers);
        Add("net", Role.Network, options.Network);
        Add("cmp", Role.Compute, options.Computes);
        Add("vol", Role.Volume, options.Volumes);
        Nodes = nodes;
    }

    public LabOptions Options { get; }

    public OpenStackCatalog Catalog { get; }

    public LabPaths Paths { get; }

    public Release Release { get; }

    public IReadOnlyList<LabNode> Nodes { get; }

    public IEnumerable<LabNode> Controllers => Nodes.Where(n => n.Role == Role.Controller);

    /// <summary>The lab runs the catalog's core services; optional ones (barbican …) are left out.
    /// A lab of real OpenStack code runs the services whose packages its root tree holds (<see cref="RootTree.Services"/>).</summary>
    public IReadOnlyList<ServiceDefinition> Services =>
        [.. Catalog.Services.Where(s => !s.Optional && (!Options.OpenStack || RootTree.Services.Contains(s.Name)))];

    /// <summary>The services as <paramref name="node"/> has them: in their alternative form (Debian's neutron-api and
    /// neutron-rpc-server for neutron-server) on the nodes <see cref="LabOptions.AlternativesOn"/> names.</summary>
    public IReadOnlyList<ServiceDefinition> ServicesOn(LabNode node) =>
        Options.AlternativeNodes.Contains(node.Name)
            ? [.. Services.Select(s => s.On(new Node(node.Name, node.Address, [node.Role]) { Alternatives = [.. s.Alternatives.Keys] }))]
            : Services;

    /// <summary>Index of a release in the catalog, oldest first: the lab's version scheme is built on it.</summary>
    public int IndexOf(Release release) => Catalog.Releases.ToList().IndexOf(release);
}
