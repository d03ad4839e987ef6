namespace Uplift.Planning;

/// <summary>A kind of work and how many of its steps may run at once.</summary>
public sealed record ConcurrencyClass(string Name, int Limit, string About);
