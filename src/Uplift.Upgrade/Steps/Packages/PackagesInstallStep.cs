using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Installs a service's packages from the target release and checks its code is the release's.</summary>
/// <param name="Keep">Packages the install must leave as they are (a compute upgraded in place keeps its hypervisor stack
/// under its running instances): an install that would move one is refused before anything changes.</param>
public sealed record PackagesInstallStep(PackageTarget Target, IReadOnlyList<string>? Keep = null) : IStepArguments<PackagesInstallStep>
{
    public const string Name = "packages-install";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<string> Kept => Keep ?? [];

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs([.. Target.Pairs(), ("keep", Kept.Count > 0 ? StepArguments.Words(Kept) : null)]);

    public static PackagesInstallStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(PackageTarget.Read(step), arguments.Optional("keep") is { Length: > 0 } ? arguments.ListedWords("keep") : null);
    }
}
