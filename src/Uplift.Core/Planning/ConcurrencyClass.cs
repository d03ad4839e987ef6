namespace Uplift.Planning;

/// <summary>A kind of work and how many of its steps may run at once.</summary>
/// <param name="PerNode">The limit counts nodes, not steps: a node holds one slot from the start of its first step of
/// the class until its last one of the class has ended (a compute from its disable to its enable), so the next node
/// enters as soon as one leaves.</param>
public sealed record ConcurrencyClass(string Name, int Limit, string About, bool PerNode = false);
