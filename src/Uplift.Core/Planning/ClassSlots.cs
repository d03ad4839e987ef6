namespace Uplift.Planning;

/// <summary>
/// Who holds the slots of a plan's concurrency classes while it runs: the one rule the executor obeys and the estimate
/// simulates. A step takes a slot of its class when it starts and gives it back when it ends (or when its pause after
/// ends); milestones take none. In a per-node class (<see cref="ConcurrencyClass.PerNode"/>) a node holds one slot
/// from its first step of the class until every step of that class on it has ended or will never run, so a compute
/// in its dance never loses its place and the next one enters as soon as one leaves.
/// </summary>
public sealed class ClassSlots
{
    private readonly Dictionary<string, int> _limits;
    private readonly HashSet<string> _perNode;
    private readonly Dictionary<string, int> _taken = new(StringComparer.Ordinal);
    // Per-node classes: steps of the class on the node not yet ended, and the nodes holding a slot.
    private readonly Dictionary<(string Class, string Node), int> _open = [];
    private readonly HashSet<(string Class, string Node)> _holders = [];

    /// <param name="complete">Steps done before the run started: they never run, and a node with some of its steps
    /// of a per-node class done and others not (a resumed compute, disabled) holds its slot from the start.</param>
    public ClassSlots(Plan plan, Func<PlanStep, bool> complete)
    {
        _limits = plan.Classes.ToDictionary(c => c.Name, c => c.Limit, StringComparer.Ordinal);
        _perNode = plan.Classes.Where(c => c.PerNode).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var started = new HashSet<(string, string)>();
        foreach (var step in plan.Steps)
        {
            if (Key(step) is not { } key)
            {
                continue;
            }
            if (complete(step))
            {
                started.Add(key);
            }
            else
            {
                _open[key] = _open.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var key in started.Where(_open.ContainsKey))
        {
            Hold(key);
        }
    }

    /// <summary>Whether <paramref name="step"/> may start now.</summary>
    public bool HasRoom(PlanStep step)
    {
        if (step.Kind == StepKind.Milestone)
        {
            return true;
        }
        if (Key(step) is { } key && _holders.Contains(key))
        {
            return true;
        }
        return _taken.GetValueOrDefault(step.Class) < Limit(step.Class);
    }

    /// <summary>The step starts.</summary>
    public void Take(PlanStep step)
    {
        if (step.Kind == StepKind.Milestone)
        {
            return;
        }
        if (Key(step) is { } key)
        {
            Hold(key);
            return;
        }
        _taken[step.Class] = _taken.GetValueOrDefault(step.Class) + 1;
    }

    /// <summary>The step ended (for a step with a pause after it: its pause ended).</summary>
    public void Release(PlanStep step)
    {
        if (step.Kind == StepKind.Milestone)
        {
            return;
        }
        if (Key(step) is { } key)
        {
            Close(key);
            return;
        }
        _taken[step.Class] = Math.Max(0, _taken.GetValueOrDefault(step.Class) - 1);
    }

    /// <summary>The step will never run in this run (skipped, or left for resume): its node may stop holding a slot.</summary>
    public void Drop(PlanStep step)
    {
        if (Key(step) is { } key)
        {
            Close(key);
        }
    }

    /// <summary>Whether the step's node holds a slot of the step's per-node class (so the step has room whatever the count).</summary>
    public bool Holds(PlanStep step) => Key(step) is { } key && _holders.Contains(key);

    /// <summary>Slots of <paramref name="concurrencyClass"/> in use (nodes holding one, for a per-node class).</summary>
    public int InUse(string concurrencyClass) => _taken.GetValueOrDefault(concurrencyClass);

    private int Limit(string concurrencyClass) => _limits.GetValueOrDefault(concurrencyClass, 1);

    private (string, string)? Key(PlanStep step) =>
        step.Kind != StepKind.Milestone && step.Node is { } node && _perNode.Contains(step.Class) ? (step.Class, node) : null;

    private void Hold((string Class, string Node) key)
    {
        if (_holders.Add(key))
        {
            _taken[key.Class] = _taken.GetValueOrDefault(key.Class) + 1;
        }
    }

    private void Close((string Class, string Node) key)
    {
        var open = _open.GetValueOrDefault(key) - 1;
        _open[key] = open;
        if (open <= 0 && _holders.Remove(key))
        {
            _taken[key.Class]--;
        }
    }
}
