namespace Uplift.Upgrade.Observation;

/// <summary>What every node of the cluster runs, read from the nodes at one moment.</summary>
public sealed record ClusterObservation(IReadOnlyList<ObservedNode> Nodes)
{
    /// <summary>Units nodes run in their alternative form, as plan options write them.</summary>
    public string Alternatives => Uplift.Planning.PlanOptions.FormatAlternatives(Nodes.SelectMany(n => n.Alternatives.Select(u => (n.Node.Name, u))));

    public ObservedNode? Find(string node) => Nodes.FirstOrDefault(n => n.Node.Name == node);

    /// <summary>"epoxy: ctl1 ctl2; flamingo: cmp1" — nodes grouped by the release each runs.</summary>
    public string ByRelease() => string.Join("; ", Nodes
        .Where(n => n.Release != ObservedNode.None)
        .GroupBy(n => n.Release)
        .Select(g => $"{g.Key}: {string.Join(' ', g.Select(n => n.Node.Name))}"));
}
