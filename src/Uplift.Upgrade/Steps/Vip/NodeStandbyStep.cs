using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Vip;

/// <summary>Puts the node in Pacemaker standby (its resources, the VIP among them, move away) before a minor
/// update.</summary>
/// <param name="VipResource">The API VIP's resource and address, shown with the step (Pacemaker moves every resource).</param>
public sealed record NodeStandbyStep(string? VipResource, string? VipAddress) : IStepArguments<NodeStandbyStep>
{
    public const string Name = "node-standby";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(("vip-resource", VipResource), ("vip-address", VipAddress));

    public static NodeStandbyStep Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Optional("vip-resource"), arguments.Optional("vip-address"));
    }

    /// <summary>crm node standby.</summary>
    public static IStepHandler Handler { get; } = new ShellStepHandler((_, node) => Pacemaker.Standby(node));
}
