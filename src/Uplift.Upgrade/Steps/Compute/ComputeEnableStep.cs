using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>Enables the compute's nova-compute service in the API again.</summary>
public sealed record ComputeEnableStep(ComputeService Service) : IStepArguments<ComputeEnableStep>
{
    public const string Name = "compute-enable";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Service.Pairs());

    public static ComputeEnableStep Read(PlanStep step) => new(ComputeService.Read(step));
}
