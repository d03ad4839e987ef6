using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Planning;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// What a run looks at before it changes anything (all read-only): what every node runs, the release the plan starts
/// from (decided by the nodes, --from checked against them), and each hop's target repository. Refusals are
/// <see cref="Diagnostics.InputException"/>s (exit 2); nodes that cannot be read are <see cref="ObservationFailedException"/>s.
/// </summary>
public sealed class ClusterGate(ClusterInventory inventory, OpenStackCatalog catalog, Func<Node, IRemoteShell> shells)
{
    /// <summary>The repositories are asked with the cluster's layout (inventory 'apt:' over the catalog's).</summary>
    private readonly OpenStackCatalog _repositories = catalog with { Apt = catalog.Apt.With(inventory.Apt) };

    public IReadOnlyList<ServiceDefinition> Services { get; } = ClusterServices.For(inventory, catalog);

    public Task<ClusterObservation> ObserveAsync(CancellationToken cancel) =>
        new ClusterObserver(shells).ObserveAsync(inventory.Managed.Nodes, Services, catalog, cancel);

    /// <summary>The target repositories of the plan's hops offer each service's code on the hop's release (and, but for a
    /// rollback, which leaves infrastructure packages where they are, no series jump of RabbitMQ).</summary>
    public Task CheckRepositoriesAsync(Plan plan, CancellationToken cancel) =>
        new TargetRepositoryCheck(shells).CheckAsync(inventory.Managed.Nodes, Services, _repositories, plan.Hops.Select(h => h.To).Distinct().ToList(),
            seriesBySeries: !plan.Inputs.Options.IsRollback, cancel);

    /// <summary>Per compute, the hypervisor-stack packages <paramref name="to"/>'s repository offers newer (plan inputs'
    /// "hypervisor_upgrades"; <see cref="HypervisorStackCheck"/>).</summary>
    public Task<string> HypervisorUpgradesAsync(string to, CancellationToken cancel) =>
        new HypervisorStackCheck(shells).ReadAsync(inventory.Nodes, _repositories, new UpgradePaths(catalog).Release(to), cancel);

    /// <summary>The machines the nodes are: machine ids, and the host keys known_hosts holds for them.</summary>
    public ClusterIdentity IdentityOf(ClusterObservation observed)
    {
        var file = KnownHostsFile(inventory.Ssh);
        var text = file is not null && File.Exists(file) ? File.ReadAllText(file) : "";
        return ClusterIdentity.Of(observed, n => KnownHostKeys.Fingerprints(text, n.Node.Address, n.Node.Port ?? inventory.Ssh.Port));
    }

    private static string? KnownHostsFile(SshSettings ssh)
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        var path = ssh.KnownHostsFile ?? (home is null ? null : Path.Combine(home, ".ssh", "known_hosts"));
        return path is not null && path.StartsWith("~/", StringComparison.Ordinal) && home is not null ? Path.Combine(home, path[2..]) : path;
    }
}
