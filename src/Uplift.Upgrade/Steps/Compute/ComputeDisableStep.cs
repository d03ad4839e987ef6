using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>Disables a compute's nova-compute service in the API, with the run as its reason.</summary>
public sealed record ComputeDisableStep(ComputeService Service, string Reason) : IStepArguments<ComputeDisableStep>
{
    public const string Name = "compute-disable";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs([.. Service.Pairs(), ("reason", Reason)]);

    public static ComputeDisableStep Read(PlanStep step) => new(ComputeService.Read(step), new StepArguments(step).Required("reason"));
}
