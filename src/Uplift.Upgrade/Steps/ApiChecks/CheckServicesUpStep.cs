using Uplift.Planning;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>Every service the APIs list is up (nova, cinder, neutron agents) (read-only).</summary>
/// <param name="Services">The plan's services (catalog names) whose service lists are asked.</param>
/// <param name="Release">The target, when the services must also run its code (after the upgrade).</param>
public sealed record CheckServicesUpStep(IReadOnlyList<string> Services, string? Release = null) : IStepArguments<CheckServicesUpStep>
{
    public const string Name = "check-services-up";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("services", StepArguments.Words(Services)), ("release", Release));

    public static CheckServicesUpStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Words("services"), arguments.Optional("release"));
    }
}
