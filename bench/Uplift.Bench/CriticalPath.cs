using Uplift.Execution.Progress;
using Uplift.Planning;

namespace Uplift.Bench;

/// <summary>
/// What bounds a run's wall time: from the step that ended last, back through the step each one waited for (of those
/// it needs or comes after, the one that ended last), with each step's own time and the gap before it started (the
/// executor's scheduling latency). Records steps from the run's events; reports once the run is over.
/// </summary>
internal sealed class CriticalPath : IRunObserver
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _started = [];
    private readonly Dictionary<string, DateTimeOffset> _ended = [];
    private readonly List<(string Node, string Kind, DateTimeOffset Started, DateTimeOffset Ended)> _commands = [];

    /// <summary>A remote command, to tell which of the chain's time was spent in commands (those run on a step's
    /// nodes while it ran).</summary>
    public void Command(string node, string script, DateTimeOffset started, DateTimeOffset ended)
    {
        var kind = string.Join(' ', script.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries).Take(3));
        lock (_gate)
        {
            _commands.Add((node, kind, started, ended));
        }
    }

    public void On(RunEvent runEvent)
    {
        lock (_gate)
        {
            switch (runEvent.Kind)
            {
                case "step-started":
                    _started[runEvent.StepId!] = runEvent.Time;
                    break;
                case "step-ended":
                    _ended[runEvent.StepId!] = runEvent.Time;
                    break;
            }
        }
    }

    public sealed record Link(PlanStep Step, TimeSpan Took, TimeSpan Gap, IReadOnlyList<(string Kind, TimeSpan Took)> Commands);

    /// <summary>The chain, first step first.</summary>
    public IReadOnlyList<Link> Walk(Plan plan)
    {
        var byId = plan.Steps.ToDictionary(s => s.Id);
        var chain = new List<Link>();
        var current = _ended.Keys.Where(byId.ContainsKey).MaxBy(id => _ended[id]);
        while (current is not null)
        {
            var step = byId[current];
            var before = step.Needs.Concat(step.After).Where(_ended.ContainsKey).MaxBy(id => _ended[id]);
            var gap = before is null ? TimeSpan.Zero : _started[current] - _ended[before];
            var (from, to) = (_started[current], _ended[current]);
            var commands = _commands.Where(c => step.Nodes.Contains(c.Node) && c.Started >= from && c.Ended <= to)
                .Select(c => (c.Kind, c.Ended - c.Started)).ToList();
            chain.Add(new Link(step, to - from, gap, commands));
            current = before;
        }
        chain.Reverse();
        return chain;
    }

    public static void Print(IReadOnlyList<Link> chain)
    {
        var took = chain.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Took);
        var gaps = chain.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Gap);
        Console.WriteLine($"  critical path: {chain.Count} steps taking {took.TotalSeconds:0.0} s " +
            $"({took.TotalMilliseconds / Math.Max(1, chain.Count):0} ms each), {gaps.TotalSeconds:0.00} s between them");
        foreach (var kind in chain.GroupBy(l => l.Step.Kind).OrderByDescending(g => g.Sum(l => l.Took.TotalMilliseconds)).Take(12))
        {
            var ms = kind.Sum(l => l.Took.TotalMilliseconds);
            var commands = kind.SelectMany(l => l.Commands).ToList();
            Console.WriteLine($"    {ms / 1000,6:0.0} s in {kind.Count(),4} × {kind.Key} (mean {ms / kind.Count():0} ms; " +
                $"{commands.Count / (double)kind.Count():0.0} commands per step, mean {commands.Sum(c => c.Took.TotalMilliseconds) / Math.Max(1, commands.Count):0} ms)");
        }
        Console.WriteLine("    largest gaps: " + string.Join(", ", chain.OrderByDescending(l => l.Gap).Take(6)
            .Select(l => $"{l.Step.Id} {l.Gap.TotalMilliseconds:0} ms")));
        var all = chain.SelectMany(l => l.Commands).ToList();
        Console.WriteLine($"    {all.Count} commands on the path taking {all.Sum(c => c.Took.TotalSeconds):0.0} s:");
        foreach (var kind in all.GroupBy(c => c.Kind).OrderByDescending(g => g.Sum(c => c.Took.TotalMilliseconds)).Take(12))
        {
            var ms = kind.Sum(c => c.Took.TotalMilliseconds);
            Console.WriteLine($"    {ms / 1000,6:0.0} s in {kind.Count(),4} × {kind.Key} (mean {ms / kind.Count():0} ms)");
        }
    }
}
