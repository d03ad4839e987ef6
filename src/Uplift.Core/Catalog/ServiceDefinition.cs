using Uplift.Inventory;

namespace Uplift.Catalog;

/// <summary>Everything Uplift knows about one OpenStack service. Loaded from the embedded catalog YAML.</summary>
/// <param name="Name">keystone, glance, placement, nova …</param>
/// <param name="Optional">Upgraded only when the inventory enables it.</param>
/// <param name="After">Services that must be upgraded before this one (when both are in the cluster).</param>
/// <param name="Backends">APIs behind HAProxy, drained before the node is touched.</param>
/// <param name="Units">systemd units per role, in start order (stop runs in reverse).</param>
/// <param name="Packages">Packages installed per role to bring the new code (apt-get install).</param>
/// <param name="Database">Schema commands by phase.</param>
/// <param name="OnlineMigrations">Online data migration command, run until it reports nothing left.</param>
/// <param name="UpgradeCheck">The <c>&lt;svc&gt;-status upgrade check</c> command.</param>
/// <param name="RpcPin">INI setting pinned during the transition ("file|section|option|value"), removed in finalize.</param>
/// <param name="SatelliteRoles">Roles on which the service's satellites run right after its control plane (not computes: they have their own phase).</param>
public sealed record ServiceDefinition(
    string Name,
    bool Optional,
    IReadOnlyList<string> After,
    IReadOnlyList<ApiBackend> Backends,
    IReadOnlyDictionary<Role, IReadOnlyList<string>> Units,
    IReadOnlyDictionary<Role, IReadOnlyList<string>> Packages,
    DatabaseCommands Database,
    CatalogCommand? OnlineMigrations,
    CatalogCommand? UpgradeCheck,
    RpcPin? RpcPin,
    IReadOnlyList<Role> SatelliteRoles)
{
    /// <summary>Once every node runs the new code, each of its units gets SIGHUP (before the online data migrations), so
    /// that it recomputes the RPC version it may use (nova doc/source/admin/upgrades.rst, "After maintenance window").</summary>
    public bool SighupAfterUpgrade { get; init; }

    /// <summary>
    /// Its API units start only once its satellites run the new code, and after the upgrade they are restarted (drained,
    /// one controller at a time) where the other units get SIGHUP: cinder doc/source/admin/upgrades.rst, "cinder-api
    /// services should go last" and "cinder-api service doesn't handle SIGHUP so it needs to be restarted".
    /// </summary>
    public bool ApiLast { get; init; }

    /// <summary>Its satellite nodes go one at a time (swift's storage nodes: the others keep every object's other replicas
    /// served), as nodes serving an API always do.</summary>
    public bool RollingSatellites { get; init; }

    /// <summary>Its units keep running (drained) while its packages install, and restart on the new code after the DB
    /// steps: its package's maintainer script fails on a masked unit (Debian's keystone postinst: `set -e`, then
    /// `systemctl enable keystone`), so they are not stopped and masked first.</summary>
    public bool RunsWhileInstalling { get; init; }

    /// <summary>The units that serve its HAProxy backends (its API servers).</summary>
    public IReadOnlyList<string> ApiUnits => [.. Backends.Select(b => b.Unit).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Units a node may run in another form, each unit and its package of the same name replaced by the listed ones
    /// (package and unit of the same names), the first taking over the unit's API backends: Debian ships neutron-server
    /// split into neutron-api and neutron-rpc-server. Which form a node has is read from its installed packages
    /// (<see cref="Node.Alternatives"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Alternatives { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The service as it is on <paramref name="node"/>: its units, packages and backends in the node's form.</summary>
    public ServiceDefinition On(Node node)
    {
        if (node.Alternatives.Count == 0 || Alternatives.Count == 0)
        {
            return this;
        }
        var replaced = node.Alternatives.Where(Alternatives.ContainsKey).ToList();
        if (replaced.Count == 0)
        {
            return this;
        }
        IReadOnlyList<string> Swap(IReadOnlyList<string> names) =>
            [.. names.SelectMany(n => replaced.Contains(n) ? Alternatives[n] : [n]).Distinct(StringComparer.Ordinal)];
        return this with
        {
            Units = Units.ToDictionary(e => e.Key, e => Swap(e.Value)),
            Packages = Packages.ToDictionary(e => e.Key, e => Swap(e.Value)),
            Backends = [.. Backends.Select(b => replaced.Contains(b.Unit) ? b with { Unit = Alternatives[b.Unit][0] } : b)],
        };
    }

    /// <summary>The schemas its database commands change (none without database commands).</summary>
    public IReadOnlyList<string> Schemas => Database.IsEmpty ? [] : Database.Schemas.Count > 0 ? Database.Schemas : [Name];

    /// <summary>Every package the service has on some node: its packages and their alternatives.</summary>
    public IEnumerable<string> AnyPackages =>
        Packages.Values.SelectMany(p => p).Concat(Alternatives.Values.SelectMany(a => a)).Distinct(StringComparer.Ordinal);

    public IReadOnlyList<string> UnitsOn(Role role) => Units.TryGetValue(role, out var u) ? u : [];

    public IReadOnlyList<string> PackagesOn(Role role) => Packages.TryGetValue(role, out var p) ? p : [];
}
