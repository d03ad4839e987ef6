using Uplift.Execution;
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

namespace Uplift.Upgrade.Steps;

/// <summary>
/// Every step kind and its handler: the one registration table (each kind's name, arguments and handler live in its
/// family's folder, Steps/*/). A kind whose handler needs what this run lacks (the OpenStack APIs, a state directory
/// for backups) is bound to a <see cref="MissingHandler"/> saying so.
/// </summary>
public static class StepTable
{
    private static readonly CommandStepHandler Command = new();
    private static readonly HaproxyStepHandler Haproxy = new();

    /// <summary>One kind: how its handler is made from what the run has.</summary>
    /// <param name="NeedsCloud">Its handler calls the OpenStack APIs: a run of a plan with it needs a cloud.</param>
    private sealed record Entry(StepKind Kind, Func<StepServices, IStepHandler> Handler, bool NeedsCloud = false);

    private static readonly Entry[] Entries =
    [
        new(CheckReachableStep.Kind, _ => CheckReachableStep.Handler),
        new(LocateVipStep.Kind, _ => new LocateVipHandler()),
        new(CheckDiskSpaceStep.Kind, _ => new DiskSpaceHandler()),
        new(CheckConfigOptionsStep.Kind, _ => new ConfigOptionsHandler()),
        new(CheckHaproxyBackendsStep.Kind, _ => Haproxy),
        new(HaproxyDrainStep.Kind, _ => Haproxy),
        new(HaproxyEnableStep.Kind, _ => Haproxy),
        new(UpgradeCheckStep.Kind, _ => new UpgradeCheckStepHandler()),
        new(DatabaseBackupStep.Kind, s => s.Backups is { } b ? new BackupStepHandler(b) : new MissingHandler("the state directory for backups")),
        new(DatabaseBackupVerifyStep.Kind, s => s.Backups is { } b ? new BackupStepHandler(b) : new MissingHandler("the state directory for backups")),
        new(DatabaseRestoreStep.Kind, s => s.Backups is { } b ? new RestoreStepHandler(b) : new MissingHandler("the state directory for backups")),
        new(PackagesDowngradeStep.Kind, _ => new PackagesDowngradeHandler()),
        new(ConfigRestoreStep.Kind, _ => new ConfigRestoreHandler()),
        new(PuppetDisableStep.Kind, _ => new PuppetHandler(disable: true)),
        new(ConfigBackupStep.Kind, s => s.Backups is { } b ? new ConfigBackupHandler(Path.Combine(b, "etc")) : new MissingHandler("the state directory for backups")),
        new(PuppetEnableStep.Kind, _ => new PuppetHandler(disable: false)),
        new(PuppetRunStep.Kind, _ => new PuppetRunHandler()),
        new(AptSourcesStep.Kind, _ => new AptSourcesHandler()),
        new(AptUpdateStep.Kind, _ => AptUpdateStep.Handler),
        new(DistUpgradeStep.Kind, _ => DistUpgradeStep.Handler),
        new(ConfigSetStep.Kind, _ => ConfigSetStep.Handler),
        new(DependenciesUpgradeStep.Kind, _ => new PackagesHandler(installedOnly: true)),
        new(PackagesInstallStep.Kind, _ => new PackagesHandler(installedOnly: false)),
        new(UnitsStopStep.Kind, _ => new UnitsHandler(UnitsStopStep.Kind)),
        new(UnitsStartStep.Kind, _ => new UnitsHandler(UnitsStartStep.Kind)),
        new(UnitsRestartStep.Kind, _ => new UnitsHandler(UnitsRestartStep.Kind)),
        new(UnitsSignalStep.Kind, _ => UnitsSignalStep.Handler),
        new(WaitBackendStep.Kind, _ => new WaitBackendHandler()),
        new(RpcPinStep.Kind, _ => new RpcPinHandler(pin: true)),
        new(RpcUnpinStep.Kind, _ => new RpcPinHandler(pin: false)),
        new(ComputeDisableStep.Kind, s => s.Cloud is { } c ? new ComputeDisableHandler(c) : new MissingHandler("OpenStack compute API"), NeedsCloud: true),
        new(ComputeMigrateInstancesStep.Kind, s => s.Cloud is { } c ? new ComputeMigrateHandler(c) : new MissingHandler("OpenStack compute API"), NeedsCloud: true),
        new(ComputeCheckEmptyStep.Kind, s => s.Cloud is { } c ? new ComputeCheckEmptyHandler(c) : new MissingHandler("OpenStack compute API"), NeedsCloud: true),
        new(ComputeWaitUpStep.Kind, s => s.Cloud is { } c ? new ComputeWaitUpHandler(c) : new MissingHandler("OpenStack compute API"), NeedsCloud: true),
        new(ComputeEnableStep.Kind, s => s.Cloud is { } c ? new ComputeEnableHandler(c) : new MissingHandler("OpenStack compute API"), NeedsCloud: true),
        new(CheckServicesUpStep.Kind, s => s.Cloud is { } c ? new ServicesUpHandler(c) : new MissingHandler("OpenStack service lists"), NeedsCloud: true),
        new(CheckServiceTokenRolesStep.Kind, s => s.Cloud is { } c ? new ServiceTokenRolesHandler(c) : new MissingHandler("keystone's role assignments"), NeedsCloud: true),
        new(PostCheckStep.Kind, s => s.Cloud is { } c ? new SmokeTestHandler(c) : new MissingHandler("OpenStack API post-checks"), NeedsCloud: true),
        new(QueueGateStep.Kind, _ => new QueueGateHandler()),
        new(RabbitmqHealthStep.Kind, _ => new RabbitmqHealthHandler()),
        new(NodeRebootStep.Kind, _ => new NodeRebootHandler()),
        new(NodeStandbyStep.Kind, _ => NodeStandbyStep.Handler),
        new(NodeUnstandbyStep.Kind, _ => NodeUnstandbyStep.Handler),
        new(VerifyEndStateStep.Kind, _ => new EndStateHandler()),
        new(DatabaseOfflineCheckStep.Kind, _ => new OfflineCheckHandler()),
        new(CheckOnlineMigrationsStep.Kind, _ => Command),
        new(DatabaseExpandStep.Kind, _ => Command),
        new(DatabaseMigrateStep.Kind, _ => Command),
        new(DatabaseSyncStep.Kind, _ => Command),
        new(DatabaseContractStep.Kind, _ => Command),
        new(OnlineMigrationsStep.Kind, _ => Command),
    ];

    /// <summary>Every kind the table binds (the plan's own milestone aside).</summary>
    public static IReadOnlyList<StepKind> Kinds { get; } = [.. Entries.Select(e => e.Kind)];

    /// <summary>The kinds whose handlers call the OpenStack APIs (a run of a plan with any of them needs a cloud).</summary>
    public static IReadOnlySet<StepKind> NeedingCloud { get; } = Entries.Where(e => e.NeedsCloud).Select(e => e.Kind).ToHashSet();

    /// <summary>The handlers of a run; throws when a kind is listed twice (a test holds the table to it).</summary>
    public static StepHandlers Create(StepServices services) =>
        new(Entries.ToDictionary(e => e.Kind, e => e.Handler(services)));
}
