using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The schema's data migration phase.</summary>
public sealed record DatabaseMigrateStep(StepCommand Command) : IStepArguments<DatabaseMigrateStep>
{
    public const string Name = "database-migrate";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Command.Pairs());

    public static DatabaseMigrateStep Read(PlanStep step) => new(StepCommand.Read(step));
}
