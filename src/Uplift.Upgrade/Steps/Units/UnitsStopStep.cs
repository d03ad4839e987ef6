using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>Stops, disables and masks units (so a package install cannot start them on old
/// configuration).</summary>
public sealed record UnitsStopStep
{
    public const string Name = "units-stop";

    public static StepKind Kind { get; } = new(Name);
}
