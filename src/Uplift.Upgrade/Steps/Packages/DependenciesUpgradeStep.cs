using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Upgrades packages already on the node (its dependencies, infrastructure) to the target repository's
/// versions, installing nothing new.</summary>
/// <param name="Keep">Packages the upgrade must leave as they are (see <see cref="PackagesInstallStep.Keep"/>).</param>
/// <param name="KeepReason">Why they stay, for the refusal (the default: a compute's hypervisor stack under its instances).</param>
public sealed record DependenciesUpgradeStep(IReadOnlyList<string> Packages, IReadOnlyList<string>? Keep = null, string? KeepReason = null)
    : IStepArguments<DependenciesUpgradeStep>
{
    public const string Name = "dependencies-upgrade";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<string> Kept => Keep ?? [];

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs(("packages", StepArguments.Words(Packages)), ("keep", Kept.Count > 0 ? StepArguments.Words(Kept) : null),
            ("keep-reason", Kept.Count > 0 ? KeepReason : null));

    public static DependenciesUpgradeStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.ListedWords("packages"), arguments.Optional("keep") is { Length: > 0 } ? arguments.ListedWords("keep") : null,
            arguments.Optional("keep-reason"));
    }
}
