namespace Uplift.Planning;

/// <summary>The phases of an upgrade, in the order they run (DESIGN.md §3).</summary>
public static class Phases
{
    public const string Preflight = "preflight";
    public const string Backup = "backup";
    public const string PendingMigrations = "pending-migrations";
    public const string Prepare = "prepare";
    public const string ControlPlane = "control-plane";
    public const string Computes = "computes";
    public const string Finalize = "finalize";
    public const string Verify = "verify";
    public const string RollbackStop = "rollback-stop";
    public const string RollbackDatabase = "rollback-database";
    public const string RollbackNodes = "rollback-nodes";

    public static IReadOnlyList<string> InOrder { get; } = [Preflight, Backup, PendingMigrations, Prepare, ControlPlane, Computes, Finalize, RollbackStop, RollbackDatabase, RollbackNodes, Verify];

    public static string Title(string phase) => phase switch
    {
        Preflight => "Pre-flight (read-only)",
        Backup => "Database backup",
        PendingMigrations => "Online data migrations left by the previous upgrade (they write: after the backup)",
        Prepare => "Prepare every node",
        ControlPlane => "Control plane, service by service",
        Computes => "Computes, canary first, then each zone pipelined",
        Finalize => "Finalize",
        Verify => "Verify the end state (read-only, on every run)",
        RollbackStop => "Rollback: drain and stop what the run touched",
        RollbackDatabase => "Rollback: schemas restored from the run's verified backup (no downgrade upstream)",
        RollbackNodes => "Rollback: each node back on the old repository, packages, /etc and units",
        _ => phase,
    };
}
