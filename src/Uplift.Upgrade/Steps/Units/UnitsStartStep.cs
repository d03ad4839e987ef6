using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>Unmasks, enables and starts units and checks they are active.</summary>
public sealed record UnitsStartStep(IReadOnlyList<string> Units) : IStepArguments<UnitsStartStep>
{
    public const string Name = "units-start";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("units", StepArguments.Words(Units)));

    public static UnitsStartStep Read(PlanStep step) => new(new StepArguments(step).RequiredWords("units"));
}
