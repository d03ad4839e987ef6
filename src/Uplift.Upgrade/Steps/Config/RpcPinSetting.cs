using Uplift.Catalog;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>The option that pins a service's RPC version while old and new code talk (catalog services.yaml rpc_pin).</summary>
public sealed record RpcPinSetting(string File, string Section, string Option, string Value)
{
    public static RpcPinSetting Of(RpcPin pin) => new(pin.File, pin.Section, pin.Option, pin.Value);

    internal (string Key, string? Value)[] Pairs() => [("file", File), ("section", Section), ("option", Option), ("value", Value)];

    internal static RpcPinSetting Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("file"), arguments.Required("section"), arguments.Required("option"), arguments.Optional("value") ?? "");
    }
}
