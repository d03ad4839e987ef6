using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Vip;

/// <summary>Finds the node holding the API VIP (crm resource locate) and checks it is the one the plan expects (read-only).</summary>
/// <param name="VipResource">The Pacemaker resource of the API VIP (inventory pacemaker.api_vip).</param>
/// <param name="ExpectedNode">The node the plan was made for as VIP holder.</param>
public sealed record LocateVipStep(string VipResource, string? ExpectedNode = null) : IStepArguments<LocateVipStep>
{
    public const string Name = "locate-vip";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("vip-resource", VipResource), ("expected-node", ExpectedNode));

    public static LocateVipStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("vip-resource"), arguments.Optional("expected-node") is { Length: > 0 } expected ? expected : null);
    }
}
