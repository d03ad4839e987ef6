using Uplift.Adapters;
using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>
/// Binds step kinds to handlers. <see cref="Standard"/> holds the node adapters of this project (apt, systemd, puppet,
/// pacemaker, INI, commands); HAProxy, database backup and OpenStack API kinds are <see cref="MissingHandler"/>s until
/// the CLI registers the real ones with <see cref="With"/>.
/// </summary>
public sealed class StepHandlers
{
    private readonly Dictionary<StepKind, IStepHandler> _handlers;

    private StepHandlers(Dictionary<StepKind, IStepHandler> handlers) => _handlers = handlers;

    public static StepHandlers Standard()
    {
        var command = new CommandStepHandler();
        var haproxy = new MissingHandler("HAProxy admin socket client");
        var database = new MissingHandler("database backup");
        var compute = new MissingHandler("OpenStack compute API");
        var configBackup = new MissingHandler("the state directory for configuration backups");
        var handlers = new Dictionary<StepKind, IStepHandler>
        {
            [StepKind.CheckReachable] = new ShellStepHandler((_, _) => "true"),
            [StepKind.LocateVip] = new LocateVipHandler(),
            [StepKind.CheckDiskSpace] = new DiskSpaceHandler(),
            [StepKind.CheckConfigOptions] = new ConfigOptionsHandler(),
            [StepKind.CheckHaproxyBackends] = haproxy,
            [StepKind.HaproxyDrain] = haproxy,
            [StepKind.HaproxyEnable] = haproxy,
            [StepKind.DatabaseBackup] = database,
            [StepKind.DatabaseBackupVerify] = database,
            [StepKind.DatabaseRestore] = database,
            [StepKind.PackagesDowngrade] = new PackagesDowngradeHandler(),
            [StepKind.ConfigRestore] = new ConfigRestoreHandler(),
            [StepKind.PuppetDisable] = new PuppetHandler(disable: true),
            [StepKind.ConfigBackup] = configBackup,
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
            [StepKind.ComputeDisable] = compute,
            [StepKind.ComputeMigrateInstances] = compute,
            [StepKind.ComputeCheckEmpty] = compute,
            [StepKind.ComputeWaitUp] = compute,
            [StepKind.ComputeEnable] = compute,
            [StepKind.CheckServicesUp] = new MissingHandler("OpenStack service lists"),
            [StepKind.QueueGate] = new QueueGateHandler(),
            [StepKind.RabbitmqHealth] = new RabbitmqHealthHandler(),
            [StepKind.NodeReboot] = new NodeRebootHandler(),
            [StepKind.PostCheck] = new MissingHandler("OpenStack API post-checks"),
            [StepKind.NodeStandby] = new ShellStepHandler((_, node) => Pacemaker.Standby(node)),
            [StepKind.NodeUnstandby] = new ShellStepHandler((_, node) => Pacemaker.Online(node)),
            [StepKind.VerifyEndState] = new EndStateHandler(),
            [StepKind.DatabaseOfflineCheck] = new OfflineCheckHandler(),
            [StepKind.Milestone] = new MilestoneHandler(),
        };
        foreach (var kind in new[]
        {
            StepKind.UpgradeCheck, StepKind.CheckOnlineMigrations,
            StepKind.DatabaseExpand, StepKind.DatabaseMigrate, StepKind.DatabaseSync, StepKind.DatabaseContract,
            StepKind.OnlineMigrations,
        })
        {
            handlers[kind] = command;
        }
        return new StepHandlers(handlers);
    }

    /// <summary>Registers (or replaces) the handler of some kinds; returns this registry for chaining.</summary>
    public StepHandlers With(IStepHandler handler, params StepKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            _handlers[kind] = handler;
        }
        return this;
    }

    public IStepHandler For(StepKind kind) =>
        _handlers.TryGetValue(kind, out var handler) ? handler : new MissingHandler($"step kind {kind}");
}
