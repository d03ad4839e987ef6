using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>Restarts units and checks they are active.</summary>
public sealed record UnitsRestartStep
{
    public const string Name = "units-restart";

    public static StepKind Kind { get; } = new(Name);
}
