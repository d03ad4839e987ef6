using Uplift.Planning;

namespace Uplift.Upgrade.Steps.ApiChecks;

/// <summary>Every service the APIs list is up (nova, cinder, neutron agents) (read-only).</summary>
public sealed record CheckServicesUpStep
{
    public const string Name = "check-services-up";

    public static StepKind Kind { get; } = new(Name);
}
