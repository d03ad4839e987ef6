using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>
/// The handler of each step kind, as the step families' one registration table (<c>Uplift.Upgrade.Steps.StepTable</c>)
/// builds it; nothing binds a kind anywhere else.
/// </summary>
public sealed class StepHandlers(IReadOnlyDictionary<StepKind, IStepHandler> handlers)
{
    public IReadOnlyCollection<StepKind> Kinds => handlers.Keys.ToArray();

    /// <summary>True when the kind has a handler here (the plan's milestone always has: the engine's own).</summary>
    public bool Carries(StepKind kind) => kind == StepKind.Milestone || handlers.ContainsKey(kind);

    /// <summary>A copy with some kinds carried out by another handler: for tests and benchmarks that stand in for them.</summary>
    public StepHandlers Replacing(IStepHandler handler, params StepKind[] kinds)
    {
        var copy = new Dictionary<StepKind, IStepHandler>(handlers);
        foreach (var kind in kinds)
        {
            copy[kind] = handler;
        }
        return new StepHandlers(copy);
    }

    private static readonly MilestoneHandler Milestones = new();

    /// <summary>The kind's handler; a milestone is the engine's own (a barrier with nothing to do).</summary>
    public IStepHandler For(StepKind kind) =>
        kind == StepKind.Milestone ? Milestones
        : handlers.TryGetValue(kind, out var handler)
            ? handler
            : throw new StepFailedException($"no handler for step kind {kind} in this build");
}
