namespace Uplift.Planning;

/// <summary>Splits a plan's steps into hops, phases and groups in plan order, for the views.</summary>
internal static class PlanSections
{
    public sealed record Hop(string From, string To, IReadOnlyList<Phase> Phases);

    public sealed record Phase(string Name, IReadOnlyList<PlanStep> Steps, IReadOnlyList<Group> Groups);

    public sealed record Group(string Name, IReadOnlyList<PlanStep> Steps);

    /// <summary>Nodes doing the same sequence of steps, and that sequence.</summary>
    public sealed record NodeLine(string Nodes, IReadOnlyList<string> Labels);

    public static IReadOnlyList<Hop> Hops(Plan plan)
    {
        var byHop = plan.Steps.GroupBy(s => HopOf(s.Phase)).ToDictionary(g => g.Key, g => g.ToList());
        return plan.Hops.Select(h =>
        {
            var steps = byHop.GetValueOrDefault(plan.Hops.Count > 1 ? h.To : "", []);
            return new Hop(h.From, h.To, Split(steps, s => PhaseOf(s.Phase))
                .Select(p => new Phase(p.Key, p.Items, Split(p.Items, s => s.Group)
                    .Where(g => g.Items.Any(s => s.Kind != StepKind.Milestone))
                    .Select(g => new Group(g.Key, g.Items)).ToArray()))
                .ToArray());
        }).ToArray();
    }

    /// <summary>Groups items by key, keeping keys in first-appearance order.</summary>
    private static List<(string Key, List<T> Items)> Split<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var groups = new List<(string Key, List<T> Items)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            if (!index.TryGetValue(k, out var i))
            {
                index[k] = i = groups.Count;
                groups.Add((k, []));
            }
            groups[i].Items.Add(item);
        }
        return groups;
    }

    public static IEnumerable<NodeLine> NodeLines(IReadOnlyList<PlanStep> steps)
    {
        var shapes = Split(Split(steps.Where(s => s.Kind != StepKind.Milestone), s => s.Node ?? ""), n => string.Join(" → ", n.Items.Select(Label)));
        foreach (var (shape, nodes) in shapes)
        {
            var names = nodes.Select(n => n.Key).ToArray();
            var who = names is [""] ? "cluster" : NodeList.Compress(names);
            if (names.Length > 1)
            {
                who = $"{names.Length} nodes ({who})";
            }
            yield return new NodeLine(who, shape.Split(" → "));
        }
    }

    /// <summary>
    /// The step's name without the parts its line already says: hop, phase, node, and the service when the group is
    /// the service's ("drain-nova", "keystone upgrade-check"); marked when it always runs.
    /// </summary>
    public static string Label(PlanStep step)
    {
        var parts = step.Id.Split('/').ToList();
        if (parts.Count > 1 && parts[0] == HopOf(step.Phase))
        {
            parts.RemoveAt(0);
        }
        // The first part names the window the group already says: the phase, a minor update, a controller's infrastructure
        // window, a rollback.
        if (parts.Count > 1 && (parts[0] == PhaseOf(step.Phase) || parts[0] is "update" or "infrastructure" or "rollback"))
        {
            parts.RemoveAt(0);
        }
        parts.RemoveAll(p => step.Nodes.Contains(p));
        if (parts.Count > 1 && step.Service is { } service && parts[0] == service && step.Group.StartsWith(service + ":", StringComparison.Ordinal))
        {
            parts.RemoveAt(0);
        }
        var name = string.Join(' ', parts);
        return step.AlwaysRun ? name + " (always)" : name;
    }

    public static string HopOf(string phase) => phase.Contains('/') ? phase[..phase.IndexOf('/')] : "";

    public static string PhaseOf(string phase) => phase.Contains('/') ? phase[(phase.IndexOf('/') + 1)..] : phase;
}
