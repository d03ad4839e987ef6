using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>The compute holds no instance: it must be emptied before its upgrade, for the reason <see cref="Why"/> says.</summary>
public sealed record ComputeCheckEmptyStep(ComputeService Service, string? Why = null) : IStepArguments<ComputeCheckEmptyStep>
{
    public const string Name = "compute-check-empty";

    public static StepKind Kind { get; } = new(Name);

    public IReadOnlyList<KeyValuePair<string, string>> Write() => StepArguments.Pairs([.. Service.Pairs(), ("why", Why)]);

    public static ComputeCheckEmptyStep Read(PlanStep step) => new(ComputeService.Read(step), new StepArguments(step).Optional("why"));
}
