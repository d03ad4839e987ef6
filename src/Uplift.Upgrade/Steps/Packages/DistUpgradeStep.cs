using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Upgrades every package of the node to the candidates of its sources (the puppet master, moved to the target
/// release whole, as the seed's operators do), keeping changed conffiles.</summary>
public sealed record DistUpgradeStep
{
    public const string Name = "dist-upgrade";

    public static StepKind Kind { get; } = new(Name);

    /// <summary>apt-get dist-upgrade, checked (run again, it installs nothing).</summary>
    public static IStepHandler Handler { get; } = new ShellStepHandler((_, _) => Apt.DistUpgrade);
}
