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

    // Infrastructure
    /// <summary>After RabbitMQ's package on a node: the node is up again and every member of its cluster runs, without
    /// alarm or partition (rabbitmqctl await_startup, cluster_status), before the next node is touched.</summary>
    RabbitmqHealth,
    /// <summary>Reboots the node when its packages need it (a kernel, /run/reboot-required) and waits until it is back
    /// with every unit started; a node that needs none is left alone.</summary>
    NodeReboot,

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

    // Rollback (a runbook planned from the journal of a run that went part of the way)
    /// <summary>Loads one schema back from the run's verified backup, replacing its tables.</summary>
    DatabaseRestore,
    /// <summary>Puts packages back to the versions the (old) repository offers, downgrading them.</summary>
    PackagesDowngrade,
    /// <summary>Extracts a node's /etc backup tarball back in place, its sha256 checked first.</summary>
    ConfigRestore,

    // Minor update (Pacemaker)
    NodeStandby,
    NodeUnstandby,

    /// <summary>A barrier with no action: "everything before this is done" (keeps the DAG small).</summary>
    Milestone,
}
