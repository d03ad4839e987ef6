using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>The compute holds no instance (or the plan allows instances).</summary>
public sealed record ComputeCheckEmptyStep(ComputeService Service) : IStepArguments<ComputeCheckEmptyStep>
{
    public const string Name = "compute-check-empty";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs(Service.Pairs());

    public static ComputeCheckEmptyStep Read(PlanStep step) => new(ComputeService.Read(step));
}
