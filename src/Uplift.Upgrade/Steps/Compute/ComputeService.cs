using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>The nova service a compute step acts on: its host (the inventory's node name) and binary.</summary>
public sealed record ComputeService(string Host, string Binary = ComputeService.NovaCompute)
{
    public const string NovaCompute = "nova-compute";

    /// <summary>"nova-compute on cmp1", as steps say it.</summary>
    public override string ToString() => $"{Binary} on {Host}";

    internal (string Key, string? Value)[] Pairs() => [("host", Host), ("binary", Binary)];

    internal static ComputeService Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Required("host"), arguments.Optional("binary") ?? NovaCompute);
    }
}
