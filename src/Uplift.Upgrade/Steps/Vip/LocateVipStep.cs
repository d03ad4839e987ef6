using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Vip;

/// <summary>Finds the node holding the API VIP (crm resource locate) and checks it is the one the plan expects
/// (read-only).</summary>
public sealed record LocateVipStep
{
    public const string Name = "locate-vip";

    public static StepKind Kind { get; } = new(Name);
}
