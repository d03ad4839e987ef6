using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The schema's contract phase (old columns dropped): only once no old code runs.</summary>
public sealed record DatabaseContractStep(StepCommand Command) : IStepArguments<DatabaseContractStep>
{
    public const string Name = "database-contract";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Command.Pairs());

    public static DatabaseContractStep Read(PlanStep step) => new(StepCommand.Read(step));
}
