using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Installs a service's packages from the target release and checks its code is the release's.</summary>
public sealed record PackagesInstallStep
{
    public const string Name = "packages-install";

    public static StepKind Kind { get; } = new(Name);
}
