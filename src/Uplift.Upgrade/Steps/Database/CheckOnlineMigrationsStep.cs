using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The previous release's online data migrations are all done (read-only).</summary>
public sealed record CheckOnlineMigrationsStep
{
    public const string Name = "check-online-migrations";

    public static StepKind Kind { get; } = new(Name);
}
