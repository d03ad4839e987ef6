namespace Uplift.Catalog;

/// <summary>
/// Schema commands of a service, by phase. Services with an expand/contract split run Expand (and Migrate)
/// on the VIP holder before other controllers get new code, and Contract once every node runs it;
/// services with only Sync run it where Expand would run.
/// </summary>
public sealed record DatabaseCommands(
    IReadOnlyList<CatalogCommand> Expand,
    IReadOnlyList<CatalogCommand> Migrate,
    IReadOnlyList<CatalogCommand> Contract,
    IReadOnlyList<CatalogCommand> Sync,
    CatalogCommand? Check = null)
{
    /// <summary>Says whether the contract must run offline, every API server of the service in the cluster stopped
    /// (its exit code means contract-needed then, done when nothing offline is pending): neutron's
    /// has_offline_migrations. Null: the contract runs with the servers up.</summary>
    public CatalogCommand? OfflineCheck { get; init; }

    /// <summary>The schemas its commands change; empty means one schema named like the service. A rollback restores
    /// them from the run's backup.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [];

    public static DatabaseCommands None { get; } = new([], [], [], [], null);

    /// <summary>The commands run on the VIP holder while the others still run old code.</summary>
    public IReadOnlyList<CatalogCommand> BeforeOthers => [.. Expand, .. Migrate, .. Sync];

    public bool IsEmpty => Expand.Count == 0 && Migrate.Count == 0 && Contract.Count == 0 && Sync.Count == 0;
}
