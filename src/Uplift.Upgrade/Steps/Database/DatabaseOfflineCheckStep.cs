using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Asks whether the schema contract must run offline (neutron has_offline_migrations); changes nothing.</summary>
public sealed record DatabaseOfflineCheckStep(StepCommand Command) : IStepArguments<DatabaseOfflineCheckStep>
{
    public const string Name = "database-offline-check";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Command.Pairs());

    public static DatabaseOfflineCheckStep Read(PlanStep step) => new(StepCommand.Read(step));
}
