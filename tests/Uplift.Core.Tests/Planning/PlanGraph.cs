using Uplift.Planning;

namespace Uplift.Tests.Planning;

/// <summary>Reachability over a plan's edges (needs and after), for ordering specs.</summary>
internal sealed class PlanGraph
{
    private readonly Dictionary<string, PlanStep> _steps;
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public PlanGraph(Plan plan)
    {
        Plan = plan;
        _steps = plan.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var step in plan.Steps)
        {
            // Steps come in topological order, so every parent's set is complete before its children's.
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parent in step.Needs.Concat(step.After))
            {
                set.Add(parent);
                set.UnionWith(_ancestors[parent]);
            }
            _ancestors[step.Id] = set;
        }
    }

    public Plan Plan { get; }

    public PlanStep this[string id] => _steps[id];

    /// <summary>True when <paramref name="later"/> cannot start before <paramref name="earlier"/> has ended.</summary>
    public bool Orders(string earlier, string later) => _ancestors[later].Contains(earlier);

    public IEnumerable<PlanStep> Where(Func<PlanStep, bool> predicate) => Plan.Steps.Where(predicate);
}
