using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>Removes the RPC pin once every node runs the new code.</summary>
public sealed record RpcUnpinStep(RpcPinSetting Pin) : IStepArguments<RpcUnpinStep>
{
    public const string Name = "rpc-unpin";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Pin.Pairs());

    public static RpcUnpinStep Read(PlanStep step) => new(RpcPinSetting.Read(step));
}
