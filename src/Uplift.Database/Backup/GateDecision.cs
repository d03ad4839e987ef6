namespace Uplift.Database;

/// <summary>Whether a step may start, and why (shown to the operator either way).</summary>
public sealed record GateDecision(bool MayStart, string Reason);
