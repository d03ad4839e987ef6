namespace Uplift.OpenStack;

/// <summary>How a live migration ended: where the instance is now and, when it did not move, why.</summary>
public sealed record LiveMigrationOutcome(string ServerId, string SourceHost, LiveMigrationResult Result, string? CurrentHost, string Detail);
