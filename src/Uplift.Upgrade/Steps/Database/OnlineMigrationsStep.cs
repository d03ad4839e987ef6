using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Online data migrations, repeated until none is left.</summary>
public sealed record OnlineMigrationsStep
{
    public const string Name = "online-migrations";

    public static StepKind Kind { get; } = new(Name);
}
