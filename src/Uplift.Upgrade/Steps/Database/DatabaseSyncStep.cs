using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The service's schema sync (services without expand/migrate/contract).</summary>
public sealed record DatabaseSyncStep(StepCommand Command) : IStepArguments<DatabaseSyncStep>
{
    public const string Name = "database-sync";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Command.Pairs());

    public static DatabaseSyncStep Read(PlanStep step) => new(StepCommand.Read(step));
}
