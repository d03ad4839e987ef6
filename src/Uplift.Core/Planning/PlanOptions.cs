namespace Uplift.Planning;

/// <summary>Operator choices that change the plan.</summary>
/// <param name="Drain">Drain API servers out of HAProxy before touching them. Turning it off is unsafe (API errors during the upgrade).</param>
/// <param name="LiveMigrate">Live-migrate instances off each compute before upgrading it.</param>
/// <param name="AllowInstances">Upgrade a compute that still has instances (they keep running; nova-compute restarts under them).</param>
/// <param name="Backup">Take and verify a DB backup before any DB step.</param>
/// <param name="RunId">Names the run in reasons written to the cloud (compute disable reason); empty in saved plans until run.</param>
public sealed record PlanOptions(
    bool Drain = true,
    bool LiveMigrate = false,
    bool AllowInstances = true,
    bool Backup = true,
    string RunId = "");
