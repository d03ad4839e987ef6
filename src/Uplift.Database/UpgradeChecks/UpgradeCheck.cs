namespace Uplift.Database;

/// <summary>One check of `SVC-status upgrade check`.</summary>
/// <param name="Details">What was found and what to do; null when the service printed none ("Details: None").</param>
public sealed record UpgradeCheck(string Name, CheckStatus Status, string? Details = null);
