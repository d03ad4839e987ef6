using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Upgrades packages already on the node (its dependencies, infrastructure) to the target repository's
/// versions, installing nothing new.</summary>
public sealed record DependenciesUpgradeStep
{
    public const string Name = "dependencies-upgrade";

    public static StepKind Kind { get; } = new(Name);
}
