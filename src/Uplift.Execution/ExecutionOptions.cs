namespace Uplift.Execution;

/// <summary>How the operator wants a run to go.</summary>
/// <param name="PauseBefore">Phases or services (--pause-before): the operator confirms before their first step.</param>
/// <param name="ApproveEachGroup">--step: the operator approves each group (a parallel set, a compute batch) before it starts.</param>
public sealed record ExecutionOptions(IReadOnlyList<string>? PauseBefore = null, bool ApproveEachGroup = false)
{
    public static ExecutionOptions Default { get; } = new();
}
