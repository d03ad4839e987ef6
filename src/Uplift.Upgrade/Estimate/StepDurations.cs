using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.ApiChecks;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.EndState;
using Uplift.Upgrade.Steps.Haproxy;
using Uplift.Upgrade.Steps.MessageQueue;
using Uplift.Upgrade.Steps.Nodes;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.PuppetAgent;
using Uplift.Upgrade.Steps.Units;
using Uplift.Upgrade.Steps.Vip;

namespace Uplift.Upgrade.Estimate;

/// <summary>
/// How long a step of each kind takes, for the estimate: one documented figure per kind with where it comes from (a
/// seed-mandated wait, an upstream default, a measurement on the lab, or a stated assumption), which the inventory's
/// 'estimate:' figures override where the cluster differs. Pauses after a step (neutron pacing) come from the plan.
/// </summary>
public static class StepDurations
{
    /// <summary>One kind's figure.</summary>
    /// <param name="Seconds">Seconds per step (for compute-migrate-instances: per instance).</param>
    /// <param name="Source">Where the figure comes from.</param>
    /// <param name="Quote">Words of the document <paramref name="Source"/> cites that hold the measurement (tests find them there).</param>
    public sealed record Entry(StepKind Kind, double Seconds, string Source, string? Quote = null);

    // docs/running.md "How long it will take" prints this table; a test per entry checks its figure against its source.
    private const string LabBench = "measured: bench lab-upgrade's time per step on the lab (docs/running.md); rounded up to 1 s for a remote node";
    private const string LabBenchQuote = "36.5–38.2 ms per step";
    private const string Imports = "`nova-manage --version` costs ~4 s of imports";

    public const double LiveMigrationSeconds = 40;

    /// <summary>dependencies-upgrade outside "prepare": a node's infrastructure packages (OVS, libvirt, RabbitMQ,
    /// keepalived) in its own window, a handful of packages whose daemons restart.</summary>
    public static Entry Infrastructure { get; } = new(DependenciesUpgradeStep.Kind, 60,
        "assumption: a handful of packages whose maintainer scripts restart their daemons");
    public const int InstancesPerCompute = 20;

    public static IReadOnlyList<Entry> Table { get; } =
    [
        new(StepKind.Milestone, 0, "a barrier with no action"),
        new(CheckReachableStep.Kind, 1, LabBench, LabBenchQuote),
        new(CheckDiskSpaceStep.Kind, 1, LabBench, LabBenchQuote),
        new(CheckConfigOptionsStep.Kind, 1, LabBench, LabBenchQuote),
        new(CheckHaproxyBackendsStep.Kind, 1, LabBench, LabBenchQuote),
        new(LocateVipStep.Kind, 2, "assumption: one `crm resource locate` (pacemaker's CIB query)"),
        new(CheckServiceTokenRolesStep.Kind, 2, "assumption: a few keystone API calls"),
        new(CheckServicesUpStep.Kind, 2, "assumption: one service list per API"),
        new(PostCheckStep.Kind, 10, "assumption: token, server list and a status upgrade check"),
        new(VerifyEndStateStep.Kind, 2, LabBench, LabBenchQuote),
        new(UpgradeCheckStep.Kind, 10, "DESIGN.md: a *-manage start is ~4 s of imports; a status check imports more", Imports),
        new(CheckOnlineMigrationsStep.Kind, 10, "one *-manage start, ~4 s of imports (DESIGN.md), and a count", Imports),
        new(DatabaseBackupStep.Kind, 600, "assumption: ~6 GB of schemas at 10 MB/s; docs/backup.md measured 6.1 MB/s as a floor on a loaded machine; estimate.database_backup_seconds",
            "| uplift backup | 168.8 | 6.1 |"),
        new(DatabaseBackupVerifyStep.Kind, 600, "docs/backup.md: verify took about as long as the backup (210.8 s against 168.8 s)", "| uplift verify | 210.8 | 4.9 |"),
        new(DatabaseRestoreStep.Kind, 600, "as database-backup-verify: a load of every dump (docs/backup.md)", "| uplift verify | 210.8 | 4.9 |"),
        new(DatabaseSyncStep.Kind, 60, "assumption: *-manage db sync of a production schema"),
        new(DatabaseExpandStep.Kind, 60, "assumption: as db sync"),
        new(DatabaseMigrateStep.Kind, 60, "assumption: as db sync"),
        new(DatabaseContractStep.Kind, 60, "assumption: as db sync"),
        new(DatabaseOfflineCheckStep.Kind, 10, "one *-manage start, ~4 s of imports (DESIGN.md)", Imports),
        new(OnlineMigrationsStep.Kind, 120, "assumption: a few rounds of --max-count 1000 rows"),
        new(ConfigBackupStep.Kind, 2, LabBench, LabBenchQuote),
        new(ConfigRestoreStep.Kind, 2, LabBench, LabBenchQuote),
        new(RpcPinStep.Kind, 1, LabBench, LabBenchQuote),
        new(RpcUnpinStep.Kind, 1, LabBench, LabBenchQuote),
        new(HaproxyDrainStep.Kind, 5, "assumption: sessions end within seconds of the drain (haproxy.drain_timeout is the ceiling)"),
        new(HaproxyEnableStep.Kind, 1, LabBench, LabBenchQuote),
        new(WaitBackendStep.Kind, 5, "the lab's HAProxy checks every 1 s (docs/lab.md); UP after a pass or two once the API listens", "The lab now checks every 1 s"),
        new(QueueGateStep.Kind, 2, "assumption: one rabbitmqctl list_queues"),
        new(RabbitmqHealthStep.Kind, 5, "assumption: rabbitmq-diagnostics checks"),
        new(NodeStandbyStep.Kind, 30, "assumption: pacemaker moves the VIP and its resources"),
        new(NodeUnstandbyStep.Kind, 10, "assumption: pacemaker brings the node back"),
        new(NodeRebootStep.Kind, 0, "runs only when the kernel or OVS changed; estimate.reboot_seconds when they will (300 is typical of servers)"),
        new(AptSourcesStep.Kind, 1, LabBench, LabBenchQuote),
        new(AptUpdateStep.Kind, 20, "assumption: apt-get update of the new release's indexes from a mirror near the cloud"),
        new(DistUpgradeStep.Kind, 300, "assumption: the puppet master's whole system moved to the new release's packages"),
        new(ConfigSetStep.Kind, 1, LabBench, LabBenchQuote),
        new(DependenciesUpgradeStep.Kind, 600, "measured on the real-OpenStack lab (docs/lab.md): 24 min for 5 nodes 2 at a time on 2 cores, Python 3.13 → 3.14, " +
            "about 10 min a node; estimate.dependencies_upgrade_seconds", "prepare's dependencies: 24 min"),
        new(PackagesInstallStep.Kind, 15, "seed: once dependencies are in, installing a service's packages takes a few seconds"),
        new(PackagesDowngradeStep.Kind, 15, "as packages-install"),
        new(PuppetDisableStep.Kind, 1, LabBench, LabBenchQuote),
        new(PuppetEnableStep.Kind, 1, LabBench, LabBenchQuote),
        new(PuppetRunStep.Kind, 120, "assumption: one puppet agent run of an OpenStack node"),
        new(UnitsStopStep.Kind, 10, "assumption: systemd stops OpenStack services in seconds"),
        new(UnitsStartStep.Kind, 10, "a Python service imports (~4 s, DESIGN.md) and listens", Imports),
        new(UnitsRestartStep.Kind, 15, "as units-stop then units-start"),
        new(UnitsSignalStep.Kind, 1, LabBench, LabBenchQuote),
        new(ComputeDisableStep.Kind, 1, "one nova API call"),
        new(ComputeEnableStep.Kind, 1, "one nova API call"),
        new(ComputeCheckEmptyStep.Kind, 1, "one nova API call"),
        new(ComputeWaitUpStep.Kind, 20, "nova [DEFAULT] report_interval = 10 s (nova/conf/service.py): up at its first report or two"),
        new(ComputeMigrateInstancesStep.Kind, LiveMigrationSeconds, "measured on the real-OpenStack lab (docs/lab.md): one instance moved through nova's API in 40 s; per instance",
            "live-migrated to cmp2 through the real API (40 s)"),
    ];

    private static readonly Dictionary<StepKind, Entry> ByKind = Table.ToDictionary(e => e.Kind);

    /// <summary>The figure for a kind, or null when the table has none (a kind the estimate does not know).</summary>
    public static Entry? Of(StepKind kind) => ByKind.GetValueOrDefault(kind);

    // Multi-hop plans prefix phases with the hop's target ("caracal/prepare").
    private static bool InPrepare(PlanStep step) =>
        step.Phase == Phases.Prepare || step.Phase.EndsWith("/" + Phases.Prepare, StringComparison.Ordinal);

    /// <summary>Seconds a step takes, with the inventory's overrides and the compute's instances.</summary>
    public static double Of(PlanStep step, EstimateSettings settings, ConcurrencySettings concurrency)
    {
        var entry = Of(step.Kind);
        var seconds = entry?.Seconds ?? 1;
        if (step.Kind == ComputeMigrateInstancesStep.Kind)
        {
            var instances = settings.InstancesPerCompute ?? InstancesPerCompute;
            var each = settings.LiveMigrationSeconds ?? LiveMigrationSeconds;
            // One host's moves, per-host at a time; the cluster's budget is the live-migrations class's limit.
            return Math.Ceiling(instances / (double)Math.Max(1, concurrency.LiveMigrationsPerHost)) * each;
        }
        return step.Kind == NodeRebootStep.Kind ? settings.RebootSeconds ?? seconds
            : step.Kind == DependenciesUpgradeStep.Kind && !InPrepare(step) ? Infrastructure.Seconds
            : step.Kind == DependenciesUpgradeStep.Kind ? settings.DependenciesUpgradeSeconds ?? seconds
            : step.Kind == DatabaseBackupStep.Kind || step.Kind == DatabaseBackupVerifyStep.Kind ? settings.DatabaseBackupSeconds ?? seconds
            : seconds;
    }
}
