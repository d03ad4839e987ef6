using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Upgrades packages already on the node (its dependencies, infrastructure) to the target repository's
/// versions, installing nothing new.</summary>
public sealed record DependenciesUpgradeStep(IReadOnlyList<string> Packages) : IStepArguments<DependenciesUpgradeStep>
{
    public const string Name = "dependencies-upgrade";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("packages", StepArguments.Words(Packages)));

    public static DependenciesUpgradeStep Read(PlanStep step) => new(new StepArguments(step).ListedWords("packages"));
}
