using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>
/// The milestone that ends a batch of computes: its zone, its size, and the share of its nodes that may fail without
/// stopping the run (inventory concurrency.compute_max_fail_percent), which <see cref="FailureBudget"/> reads.
/// </summary>
public sealed record BatchMilestone(string Zone, int Nodes, int MaxFailPercent) : IStepArguments<BatchMilestone>
{
    internal const string MaxFailPercentKey = "max-fail-percent";

    public static StepKind Kind => StepKind.Milestone;

    public IReadOnlyList<KeyValuePair<string, string>> Write() =>
        StepArguments.Pairs(("zone", Zone), ("nodes", StepArguments.Number(Nodes)), (MaxFailPercentKey, StepArguments.Number(MaxFailPercent)));

    public static BatchMilestone Read(PlanStep step)
    {
        var arguments = new StepArguments(step);
        return new(arguments.Optional("zone") ?? "", arguments.Number("nodes", step.Nodes.Count), arguments.Number(MaxFailPercentKey, 0));
    }
}
