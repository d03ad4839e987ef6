using Uplift.Inventory;

namespace Uplift.Catalog;

/// <summary>
/// What Uplift knows about OpenStack: releases, services in order, packages and commands.
/// Data, not code: built by <see cref="CatalogLoader"/> from the embedded YAML plus an optional operator overlay.
/// </summary>
/// <param name="Version">Catalog data version; a plan records it.</param>
/// <param name="Releases">Every known series, oldest first.</param>
/// <param name="Services">Every service, in the default upgrade order.</param>
/// <param name="Dependencies">Dependency packages per role, upgraded in "prepare" when installed and outdated.</param>
/// <param name="ConfigChanges">Options renamed or removed per release.</param>
/// <param name="Apt">APT source switching.</param>
/// <param name="ContentHash">sha256 over the catalog data (embedded + overlay): a plan is refused when it changes.</param>
public sealed record OpenStackCatalog(
    string Version,
    IReadOnlyList<Release> Releases,
    IReadOnlyList<ServiceDefinition> Services,
    IReadOnlyDictionary<Role, IReadOnlyList<string>> Dependencies,
    IReadOnlyList<ConfigChange> ConfigChanges,
    AptSettings Apt,
    string ContentHash)
{
    public Release? FindRelease(string nameOrId) =>
        Releases.FirstOrDefault(r => string.Equals(r.Series, nameOrId, StringComparison.OrdinalIgnoreCase) || r.Id == nameOrId);

    public ServiceDefinition? FindService(string name) => Services.FirstOrDefault(s => s.Name == name);

    /// <summary>Per service, the package whose version says which release a node runs (versions.yaml).</summary>
    public IReadOnlyList<CodeVersions> CodeVersions { get; init; } = [];

    public CodeVersions? CodeVersionsOf(string service) => CodeVersions.FirstOrDefault(v => v.Service == service);

    /// <summary>Per role, packages whose maintainer scripts restart daemons: upgraded node by node (dependencies.yaml).</summary>
    public IReadOnlyDictionary<Role, IReadOnlyList<string>> Infrastructure { get; init; } = new Dictionary<Role, IReadOnlyList<string>>();

    /// <summary>Packages a cluster upgrades one release series at a time (RabbitMQ), with their series oldest first
    /// (dependencies.yaml 'series-by-series'); <see cref="PackageSeries"/> checks a jump against them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SeriesBySeries { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Packages of a compute's hypervisor stack (dependencies.yaml 'hypervisor-stack'), each with why upgrading it needs
    /// the compute emptied first. A compute none of whose packages move is upgraded in place, its instances running.
    /// </summary>
    public IReadOnlyDictionary<string, string> HypervisorStack { get; init; } = new Dictionary<string, string>();

    /// <summary>When a neutron agent may restart: the queues that count and how many messages they may hold (services.yaml).</summary>
    public QueueGateSettings QueueGate { get; init; } = new(10000, [], 600);

    /// <summary>Roles a service user needs in its service tokens from a release on (config-changes.yaml 'service-token-roles').</summary>
    public IReadOnlyList<ServiceTokenRoles> ServiceTokenRoles { get; init; } = [];

    public IReadOnlyList<string> InfrastructureOn(Role role) => Infrastructure.TryGetValue(role, out var p) ? p : [];

    public IReadOnlyList<string> DependenciesOn(Role role) => Dependencies.TryGetValue(role, out var d) ? d : [];
}
