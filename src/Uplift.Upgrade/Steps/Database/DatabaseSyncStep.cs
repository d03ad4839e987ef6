using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The service's schema sync (services without expand/migrate/contract).</summary>
public sealed record DatabaseSyncStep
{
    public const string Name = "database-sync";

    public static StepKind Kind { get; } = new(Name);
}
