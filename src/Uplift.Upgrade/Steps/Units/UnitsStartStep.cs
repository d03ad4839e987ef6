using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>Unmasks, enables and starts units and checks they are active.</summary>
public sealed record UnitsStartStep
{
    public const string Name = "units-start";

    public static StepKind Kind { get; } = new(Name);
}
