using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Installs a service's packages from the target release and checks its code is the release's.</summary>
public sealed record PackagesInstallStep(PackageTarget Target) : IStepArguments<PackagesInstallStep>
{
    public const string Name = "packages-install";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Target.Pairs());

    public static PackagesInstallStep Read(PlanStep step) => new(PackageTarget.Read(step));
}
