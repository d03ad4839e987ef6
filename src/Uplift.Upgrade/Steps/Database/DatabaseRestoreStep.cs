using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Loads one schema back from the run's verified backup, replacing its tables.</summary>
public sealed record DatabaseRestoreStep
{
    public const string Name = "database-restore";

    public static StepKind Kind { get; } = new(Name);
}
