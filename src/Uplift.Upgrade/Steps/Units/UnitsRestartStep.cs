using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>Restarts units and checks they are active.</summary>
public sealed record UnitsRestartStep(IReadOnlyList<string> Units) : IStepArguments<UnitsRestartStep>
{
    public const string Name = "units-restart";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("units", StepArguments.Words(Units)));

    public static UnitsRestartStep Read(PlanStep step) => new(new StepArguments(step).RequiredWords("units"));
}
