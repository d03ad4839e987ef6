using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>Pins an RPC version in a service's configuration while old and new code talk.</summary>
public sealed record RpcPinStep(RpcPinSetting Pin) : IStepArguments<RpcPinStep>
{
    public const string Name = "rpc-pin";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Pin.Pairs());

    public static RpcPinStep Read(PlanStep step) => new(RpcPinSetting.Read(step));
}
