using Uplift.Planning;
using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>Stops, disables and masks units (so a package install cannot start them on old configuration).</summary>
/// <param name="Target">The service's packages and release, when its guard is to find the node already on new code
/// (a fresh plan after a partial run).</param>
public sealed record UnitsStopStep(IReadOnlyList<string> Units, PackageTarget? Target = null) : IStepArguments<UnitsStopStep>
{
    public const string Name = "units-stop";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs([("units", StepArguments.Words(Units)), .. Target?.Pairs() ?? []]);

    public static UnitsStopStep Read(PlanStep step) => new(new StepArguments(step).RequiredWords("units"), PackageTarget.ReadOptional(step));
}
