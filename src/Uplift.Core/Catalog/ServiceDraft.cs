using Uplift.Diagnostics;
using Uplift.Inventory;

namespace Uplift.Catalog;

/// <summary>A name written somewhere in a catalog file (an 'after' entry), kept with its location for errors.</summary>
internal sealed record NameAt(string Name, SourceLocation Where);

/// <summary>
/// A service as one catalog file states it: only the fields that file sets. The embedded entry and an
/// overlay's entry of the same name are combined with <see cref="OverriddenBy"/>, then built.
/// </summary>
internal sealed record ServiceDraft(string Name, SourceLocation Where)
{
    public bool? Optional { get; init; }
    public IReadOnlyList<NameAt>? After { get; init; }
    public IReadOnlyList<ApiBackend>? Backends { get; init; }
    public IReadOnlyDictionary<Role, IReadOnlyList<string>>? Units { get; init; }
    public IReadOnlyDictionary<Role, IReadOnlyList<string>>? Packages { get; init; }
    public DatabaseCommands? Database { get; init; }
    public CatalogCommand? OnlineMigrations { get; init; }
    public CatalogCommand? UpgradeCheck { get; init; }
    public RpcPin? RpcPin { get; init; }
    public IReadOnlyList<Role>? SatelliteRoles { get; init; }
    public bool? SighupAfterUpgrade { get; init; }
    public bool? ApiLast { get; init; }

    public bool? RollingSatellites { get; init; }

    public bool? RunsWhileInstalling { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Alternatives { get; init; }

    /// <summary>Where the alternatives were written (errors about them point there).</summary>
    public SourceLocation? AlternativesWhere { get; init; }

    /// <summary>Fields the overlay sets replace ours; units and packages are replaced role by role.</summary>
    public ServiceDraft OverriddenBy(ServiceDraft overlay) => this with
    {
        Optional = overlay.Optional ?? Optional,
        After = overlay.After ?? After,
        Backends = overlay.Backends ?? Backends,
        Units = PerRole(Units, overlay.Units),
        Packages = PerRole(Packages, overlay.Packages),
        Database = overlay.Database ?? Database,
        OnlineMigrations = overlay.OnlineMigrations ?? OnlineMigrations,
        UpgradeCheck = overlay.UpgradeCheck ?? UpgradeCheck,
        RpcPin = overlay.RpcPin ?? RpcPin,
        SatelliteRoles = overlay.SatelliteRoles ?? SatelliteRoles,
        SighupAfterUpgrade = overlay.SighupAfterUpgrade ?? SighupAfterUpgrade,
        ApiLast = overlay.ApiLast ?? ApiLast,
        RollingSatellites = overlay.RollingSatellites ?? RollingSatellites,
        RunsWhileInstalling = overlay.RunsWhileInstalling ?? RunsWhileInstalling,
        Alternatives = overlay.Alternatives ?? Alternatives,
        AlternativesWhere = overlay.Alternatives is null ? AlternativesWhere : overlay.AlternativesWhere,
    };

    public ServiceDefinition ToDefinition() => new(
        Name,
        Optional ?? false,
        [.. (After ?? []).Select(a => a.Name)],
        Backends ?? [],
        Units ?? new Dictionary<Role, IReadOnlyList<string>>(),
        Packages ?? new Dictionary<Role, IReadOnlyList<string>>(),
        Database ?? DatabaseCommands.None,
        OnlineMigrations,
        UpgradeCheck,
        RpcPin,
        SatelliteRoles ?? [])
    {
        SighupAfterUpgrade = SighupAfterUpgrade ?? false,
        ApiLast = ApiLast ?? false,
        RollingSatellites = RollingSatellites ?? false,
        RunsWhileInstalling = RunsWhileInstalling ?? false,
        Alternatives = Alternatives ?? new Dictionary<string, IReadOnlyList<string>>(),
    };

    private static IReadOnlyDictionary<Role, IReadOnlyList<string>>? PerRole(
        IReadOnlyDictionary<Role, IReadOnlyList<string>>? ours,
        IReadOnlyDictionary<Role, IReadOnlyList<string>>? theirs)
    {
        if (theirs is null || ours is null)
        {
            return theirs ?? ours;
        }
        var merged = ours.ToDictionary();
        foreach (var (role, names) in theirs)
        {
            merged[role] = names;
        }
        return merged;
    }
}
