using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>The service's own "*-status upgrade check" (read-only; warnings are shown, failures stop the run).</summary>
public sealed record UpgradeCheckStep(StepCommand Command) : IStepArguments<UpgradeCheckStep>
{
    public const string Name = "upgrade-check";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Command.Pairs());

    public static UpgradeCheckStep Read(PlanStep step) => new(StepCommand.Read(step));
}
