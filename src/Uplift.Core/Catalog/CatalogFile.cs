using Uplift.Inventory;

namespace Uplift.Catalog;

/// <summary>What one catalog file (embedded or overlay) says; null or empty where it says nothing.</summary>
internal sealed record CatalogFile(
    string Name,
    string? Version,
    IReadOnlyList<Release>? Releases,
    IReadOnlyDictionary<string, ExitCodes> ExitCodeTables,
    IReadOnlyList<ServiceDraft> Services,
    IReadOnlyDictionary<Role, IReadOnlyList<string>> Dependencies,
    IReadOnlyList<ConfigChange> ConfigChanges,
    string? AptSourcesFile,
    string? AptSourceLine,
    IReadOnlyList<CodeVersions> CodeVersions)
{
    /// <summary>Infrastructure packages per role (upgraded node by node in the node's own window).</summary>
    public IReadOnlyDictionary<Role, IReadOnlyList<string>> Infrastructure { get; init; } = new Dictionary<Role, IReadOnlyList<string>>();

    /// <summary>Packages upgraded one release series at a time, with their series in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SeriesBySeries { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The apt keys beyond sources-file and source-line (format, uris, suites, components, signed-by, replaces).</summary>
    public IReadOnlyDictionary<string, string> Apt { get; init; } = new Dictionary<string, string>();

    /// <summary>Packages of a compute's hypervisor stack, each with why upgrading it needs the compute emptied.</summary>
    public IReadOnlyDictionary<string, string> HypervisorStack { get; init; } = new Dictionary<string, string>();

    /// <summary>When a neutron agent may restart ('queue-gate'); null when the file says nothing of it.</summary>
    public QueueGateSettings? QueueGate { get; init; }

    /// <summary>Roles a service user needs from a release on (catalog 'service-token-roles').</summary>
    public IReadOnlyList<ServiceTokenRoles> ServiceTokenRoles { get; init; } = [];
}
