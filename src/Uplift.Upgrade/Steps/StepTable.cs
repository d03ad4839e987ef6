using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps;

/// <summary>
/// Every step kind and its handler: the one registration table. A kind whose handler needs what this run lacks (the
/// OpenStack APIs, a state directory for backups) is bound to a <see cref="MissingHandler"/> saying so.
/// </summary>
public static class StepTable
{
    public static StepHandlers Create(StepServices services)
    {
        var command = new CommandStepHandler();
        var haproxy = new HaproxyStepHandler();
        var cloud = services.Cloud;
        var backups = services.Backups;
        IStepHandler Api(Func<ComputeCloud, IStepHandler> handler, string what) =>
            cloud is null ? new MissingHandler(what) : handler(cloud);
        IStepHandler Backups(Func<string, IStepHandler> handler) =>
            backups is null ? new MissingHandler("the state directory for backups") : handler(backups);
        var table = new Dictionary<StepKind, IStepHandler>
        {
            [StepKind.CheckReachable] = new ShellStepHandler((_, _) => "true"),
            [StepKind.LocateVip] = new LocateVipHandler(),
            [StepKind.CheckDiskSpace] = new DiskSpaceHandler(),
            [StepKind.CheckConfigOptions] = new ConfigOptionsHandler(),
            [StepKind.CheckHaproxyBackends] = haproxy,
            [StepKind.HaproxyDrain] = haproxy,
            [StepKind.HaproxyEnable] = haproxy,
            [StepKind.UpgradeCheck] = new UpgradeCheckStepHandler(),
            [StepKind.DatabaseBackup] = Backups(b => new BackupStepHandler(b)),
            [StepKind.DatabaseBackupVerify] = Backups(b => new BackupStepHandler(b)),
            [StepKind.DatabaseRestore] = Backups(b => new RestoreStepHandler(b)),
            [StepKind.PackagesDowngrade] = new PackagesDowngradeHandler(),
            [StepKind.ConfigRestore] = new ConfigRestoreHandler(),
            [StepKind.PuppetDisable] = new PuppetHandler(disable: true),
            [StepKind.ConfigBackup] = Backups(b => new ConfigBackupHandler(Path.Combine(b, "etc"))),
            [StepKind.PuppetEnable] = new PuppetHandler(disable: false),
            [StepKind.PuppetRun] = new PuppetRunHandler(),
            [StepKind.AptSources] = new AptSourcesHandler(),
            [StepKind.AptUpdate] = new ShellStepHandler((_, _) => Apt.Update),
            [StepKind.DependenciesUpgrade] = new PackagesHandler(installedOnly: true),
            [StepKind.PackagesInstall] = new PackagesHandler(installedOnly: false),
            [StepKind.UnitsStop] = new UnitsHandler(StepKind.UnitsStop),
            [StepKind.UnitsStart] = new UnitsHandler(StepKind.UnitsStart),
            [StepKind.UnitsRestart] = new UnitsHandler(StepKind.UnitsRestart),
            [StepKind.UnitsSignal] = new ShellStepHandler((step, _) => Systemd.Signal(ShellQuote.Split(step.Argument("units")), step.Argument("signal") ?? "HUP")),
            [StepKind.WaitBackend] = new WaitBackendHandler(),
            [StepKind.RpcPin] = new RpcPinHandler(pin: true),
            [StepKind.RpcUnpin] = new RpcPinHandler(pin: false),
            [StepKind.ComputeDisable] = Api(c => new ComputeDisableHandler(c), "OpenStack compute API"),
            [StepKind.ComputeMigrateInstances] = Api(c => new ComputeMigrateHandler(c), "OpenStack compute API"),
            [StepKind.ComputeCheckEmpty] = Api(c => new ComputeCheckEmptyHandler(c), "OpenStack compute API"),
            [StepKind.ComputeWaitUp] = Api(c => new ComputeWaitUpHandler(c), "OpenStack compute API"),
            [StepKind.ComputeEnable] = Api(c => new ComputeEnableHandler(c), "OpenStack compute API"),
            [StepKind.CheckServicesUp] = Api(c => new ServicesUpHandler(c), "OpenStack service lists"),
            [StepKind.PostCheck] = Api(c => new SmokeTestHandler(c), "OpenStack API post-checks"),
            [StepKind.QueueGate] = new QueueGateHandler(),
            [StepKind.RabbitmqHealth] = new RabbitmqHealthHandler(),
            [StepKind.NodeReboot] = new NodeRebootHandler(),
            [StepKind.NodeStandby] = new ShellStepHandler((_, node) => Pacemaker.Standby(node)),
            [StepKind.NodeUnstandby] = new ShellStepHandler((_, node) => Pacemaker.Online(node)),
            [StepKind.VerifyEndState] = new EndStateHandler(),
            [StepKind.DatabaseOfflineCheck] = new OfflineCheckHandler(),
            [StepKind.Milestone] = new MilestoneHandler(),
            [StepKind.CheckOnlineMigrations] = command,
            [StepKind.DatabaseExpand] = command,
            [StepKind.DatabaseMigrate] = command,
            [StepKind.DatabaseSync] = command,
            [StepKind.DatabaseContract] = command,
            [StepKind.OnlineMigrations] = command,
        };
        return new StepHandlers(table);
    }
}
