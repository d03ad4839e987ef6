using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>
/// Compute batches may tolerate some failed nodes: a step argument "max-fail-percent" (on any step of a group, usually
/// the batch's milestone) lets failures of that group's steps stop only their own nodes' work, as long as the failed
/// nodes are at most that share of the group's nodes (rounded down). Any other failure stops the run.
/// </summary>
internal sealed class FailureBudget
{
    private readonly Dictionary<string, int> _percent = [];
    private readonly Dictionary<string, HashSet<string>> _nodes = [];
    private readonly Dictionary<string, HashSet<string>> _failed = [];

    public FailureBudget(IEnumerable<PlanStep> steps)
    {
        foreach (var step in steps)
        {
            if (!_nodes.TryGetValue(step.Group, out var nodes))
            {
                _nodes[step.Group] = nodes = [];
            }
            nodes.UnionWith(step.Nodes);
            if (new StepArguments(step).Number(BatchMilestone.MaxFailPercentKey, 0) is var percent && percent > 0)
            {
                _percent[step.Group] = Math.Max(percent, _percent.GetValueOrDefault(step.Group));
            }
        }
    }

    /// <summary>Counts a failure; true when the run may go on.</summary>
    public bool Tolerates(PlanStep failed)
    {
        if (!_percent.TryGetValue(failed.Group, out var percent) || failed.Nodes.Count == 0)
        {
            return false;
        }
        if (!_failed.TryGetValue(failed.Group, out var nodes))
        {
            _failed[failed.Group] = nodes = [];
        }
        nodes.UnionWith(failed.Nodes);
        return nodes.Count <= _nodes[failed.Group].Count * percent / 100;
    }
}
