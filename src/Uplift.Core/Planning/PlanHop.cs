namespace Uplift.Planning;

/// <summary>One full upgrade between two releases (series names), e.g. caracal → epoxy (a SLURP jump).</summary>
public sealed record PlanHop(string From, string To);
