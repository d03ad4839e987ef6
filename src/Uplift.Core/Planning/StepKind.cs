namespace Uplift.Planning;

/// <summary>
/// What a step does. The executor binds each kind to an adapter; the plan only carries data.
/// Serialized in kebab-case ("haproxy-drain").
/// </summary>
public enum StepKind
{
    // Pre-flight (read-only)
    CheckReachable,
    LocateVip,
    CheckHaproxyBackends,
    UpgradeCheck,
    CheckServicesUp,
    CheckOnlineMigrations,
    CheckDiskSpace,
    CheckConfigOptions,

    // Backup
    DatabaseBackup,
    DatabaseBackupVerify,

    // Prepare
    PuppetDisable,
    /// <summary>The services' /etc directories of a node in a tarball with its sha256, on the node and copied here.</summary>
    ConfigBackup,
    AptSources,
    AptUpdate,
    DependenciesUpgrade,

    // Control plane and satellites
    HaproxyDrain,
    UnitsStop,
    PackagesInstall,
    DatabaseExpand,
    DatabaseMigrate,
    DatabaseSync,
    UnitsStart,
    WaitBackend,
    HaproxyEnable,
    RpcPin,

    // Computes
    ComputeDisable,
    ComputeMigrateInstances,
    ComputeCheckEmpty,
    ComputeWaitUp,
    ComputeEnable,

    // Neutron agents
    UnitsRestart,
    QueueGate,

    // Finalize
    UnitsSignal,
    OnlineMigrations,
    RpcUnpin,
    /// <summary>Asks whether the schema contract must run offline (neutron has_offline_migrations); changes nothing.</summary>
    DatabaseOfflineCheck,
    DatabaseContract,
    PuppetEnable,
    /// <summary>One watched puppet agent run (the inventory says puppet manages the nodes).</summary>
    PuppetRun,
    PostCheck,

    // Verify (read-only, looked at again on every run)
    VerifyEndState,

    // Minor update (Pacemaker)
    NodeStandby,
    NodeUnstandby,

    /// <summary>A barrier with no action: "everything before this is done" (keeps the DAG small).</summary>
    Milestone,
}
