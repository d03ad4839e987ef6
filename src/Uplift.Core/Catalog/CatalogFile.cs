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

    /// <summary>Roles a service user needs from a release on (catalog 'service-token-roles').</summary>
    public IReadOnlyList<ServiceTokenRoles> ServiceTokenRoles { get; init; } = [];
}
