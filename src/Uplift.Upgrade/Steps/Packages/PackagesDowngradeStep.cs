using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Puts packages back to the versions the (old) repository offers, downgrading them.</summary>
public sealed record PackagesDowngradeStep(PackageTarget Target) : IStepArguments<PackagesDowngradeStep>
{
    public const string Name = "packages-downgrade";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Target.Pairs());

    public static PackagesDowngradeStep Read(PlanStep step) => new(PackageTarget.Read(step));
}
