using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>Waits until the compute's nova-compute reports up on the new release.</summary>
public sealed record ComputeWaitUpStep(ComputeService Service, string? Release = null) : IStepArguments<ComputeWaitUpStep>
{
    public const string Name = "compute-wait-up";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs([.. Service.Pairs(), ("release", Release)]);

    public static ComputeWaitUpStep Read(PlanStep step) => new(ComputeService.Read(step), new StepArguments(step).Optional("release"));
}
