using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Puts packages back to the versions the (old) repository offers, downgrading them.</summary>
public sealed record PackagesDowngradeStep
{
    public const string Name = "packages-downgrade";

    public static StepKind Kind { get; } = new(Name);
}
