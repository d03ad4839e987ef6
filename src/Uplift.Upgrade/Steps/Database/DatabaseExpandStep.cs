using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The schema's expand phase (new columns and tables; old code keeps working).</summary>
public sealed record DatabaseExpandStep(StepCommand Command) : IStepArguments<DatabaseExpandStep>
{
    public const string Name = "database-expand";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Command.Pairs());

    public static DatabaseExpandStep Read(PlanStep step) => new(StepCommand.Read(step));
}
