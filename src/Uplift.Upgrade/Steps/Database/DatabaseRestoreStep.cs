using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>Loads one schema back from the run's verified backup, replacing its tables.</summary>
public sealed record DatabaseRestoreStep(BackupLocation Backup, string Schema) : IStepArguments<DatabaseRestoreStep>
{
    public const string Name = "database-restore";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs([.. Backup.Pairs(), ("schema", Schema)]);

    public static DatabaseRestoreStep Read(PlanStep step) => new(BackupLocation.Read(step), new StepArguments(step).Required("schema"));
}
