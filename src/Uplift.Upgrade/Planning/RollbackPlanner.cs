using System.Security.Cryptography;
using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// The rollback runbook of a run that went part of the way (issue "by the book" 8), from its plan and the steps its
/// journal says it reached: every unit of what it touched drained and stopped; the schemas its DB steps changed restored
/// from its verified backup, one at a time (DB downgrades are not supported upstream: nova doc admin/upgrades.rst, keystone
/// doc admin/upgrading.rst); then each node back on the old release's repository, its packages at that repository's
/// versions, its /etc from the run's tarball, its units started, answering and put back; last, every node's end state on
/// the old release. Infrastructure packages (RabbitMQ, OVS, libvirt, keepalived) stay: they do not go back a series. Pure.
/// </summary>
public static class RollbackPlanner
{
    public const string Mode = "rollback";

    private static readonly HashSet<StepKind> DatabaseWork =
        [DatabaseExpandStep.Kind, DatabaseMigrateStep.Kind, DatabaseSyncStep.Kind, DatabaseContractStep.Kind, OnlineMigrationsStep.Kind];

    private static readonly HashSet<StepKind> ServiceWork =
        [UnitsStopStep.Kind, PackagesInstallStep.Kind, UnitsStartStep.Kind, UnitsRestartStep.Kind, UnitsSignalStep.Kind, RpcPinStep.Kind, RpcUnpinStep.Kind];

    /// <param name="run">The plan of the run to take back (the journal's latest).</param>
    /// <param name="reached">Ids of its steps the journal records as started (running, done, already done or failed).</param>
    public static Plan Build(Plan run, IReadOnlySet<string> reached, ClusterInventory inventory, OpenStackCatalog catalog)
    {
        if (run.Inputs.Options.IsRollback)
        {
            throw new InputException("the latest run is itself a rollback: there is no rollback of a rollback",
                hint: "resume it (uplift resume) or plan an upgrade again");
        }
        if (run.Hops.Count != 1)
        {
            throw new InputException($"the latest run crossed {run.Hops.Count} hops ({string.Join(", ", run.Hops.Select(h => $"{h.From}→{h.To}"))}): " +
                "a rollback is planned for a run of one hop", hint: "restore from its backup by hand (docs/backup.md), one hop at a time");
        }
        var touched = run.Steps.Where(s => reached.Contains(s.Id)).ToList();
        var work = Work.Of(touched, catalog, inventory);
        if (work.IsEmpty)
        {
            throw new InputException($"nothing to roll back: the latest run of cluster '{run.Cluster}' changed no node ({touched.Count} step(s) reached, all read-only)");
        }
        var paths = new UpgradePaths(catalog);
        var (current, back) = (paths.Release(run.Inputs.To), paths.Release(run.Inputs.From));
        var options = run.Inputs.Options with { RunId = "", RollbackOf = $"{run.InputsHash} {Digest(touched.Select(s => s.Id))}" };
        inventory = Planner.WithAlternatives(inventory, options);
        var inputs = new PlanInputs(inventory.Source, inventory.ContentHash, catalog.Version, catalog.ContentHash, Planner.ToolVersion,
            current.Series, back.Series, options);
        var hash = Planner.HashOf(inputs);
        var controllers = Planner.Controllers(inventory, options);
        var steps = new StepList();
        var ctx = new HopContext(inventory, catalog, options, current, back, true, ClusterServices.For(inventory, catalog), controllers[0], controllers,
            steps, hash[..16]);
        var stopped = AddStops(ctx, work, run, out var windows, out var verified);
        var restored = AddRestores(ctx, work, stopped, verified);
        var nodesDone = AddNodes(ctx, work, windows, restored);
        VerifySteps.Add(ctx, nodesDone);
        return new Plan(PlanJson.FormatVersion, inventory.Cluster, Mode, [new PlanHop(current.Series, back.Series)],
            ConcurrencyClasses.For(inventory.Concurrency, options, inventory.Puppet.RunsAtOnce), steps.Steps, inputs, hash);
    }

    /// <summary>The run's verified backup first (when schemas are restored), then every touched node drained and its
    /// touched services' units stopped (masked: a downgrade does not start them).</summary>
    private static string AddStops(HopContext ctx, Work work, Plan run, out List<(Node Node, ServiceDefinition[] Services, DrainedWork.Open Drained)> windows,
        out PlanStep? verified)
    {
        var steps = ctx.Steps;
        ctx.Enter(Phases.RollbackStop, "every node the run touched  ∥ at once (an outage of what it touched)");
        string[] start = [];
        verified = null;
        if (work.Schemas(ctx.Services).Count > 0)
        {
            verified = run.Steps.FirstOrDefault(s => s.Kind == DatabaseBackupVerifyStep.Kind) ?? throw new InputException(
                "the run changed schemas without a backup (planned with --no-backup): there is nothing to restore them from",
                hint: "restore the schemas from your own dump (uplift restore takes a backup directory with a manifest), then the packages by hand");
            start = [steps.Add("rollback/backup-verified", new DatabaseBackupVerifyStep(BackupOf(verified)), verified.Node, ConcurrencyClasses.Cluster)];
        }
        windows = [];
        var stops = new List<string>();
        foreach (var node in ctx.Inventory.Nodes.Where(n => work.Touches(n) || ctx.Services.Any(s => work.Stops(n.Name, s.Name) && NodeUpgrade.UnitsOn(s, n, true).Count > 0)))
        {
            var services = ctx.Services.Where(s => work.Stops(node.Name, s.Name)).ToArray();
            var drained = DrainedWork.Begin(ctx, services, node, $"rollback/{node.Name}/", ConcurrencyClasses.Nodes, start, [], []);
            // Units that run through an install (keystone: its postinst fails on a masked unit) are not stopped: restarted after.
            var units = NodeUpgrade.Units(services.Where(s => !s.RunsWhileInstalling).Select(s => s.On(node)), node.Roles);
            if (units.Length > 0)
            {
                stops.Add(steps.Add($"rollback/{node.Name}/stop", new UnitsStopStep(units), node.Name, ConcurrencyClasses.Nodes, needs: drained.Needs,
                    after: drained.After));
            }
            windows.Add((node, services, drained));
        }
        return steps.Add("rollback/stopped", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: stops.Count > 0 ? stops : start);
    }

    /// <summary>One schema at a time on the database node, from the run's verified backup.</summary>
    private static string AddRestores(HopContext ctx, Work work, string stopped, PlanStep? verified)
    {
        var schemas = work.Schemas(ctx.Services);
        if (schemas.Count == 0 || verified is null)
        {
            return stopped;
        }
        ctx.Enter(Phases.RollbackDatabase, $"database node {verified.Node}: {string.Join(", ", schemas)}, one at a time");
        var previous = stopped;
        foreach (var schema in schemas)
        {
            previous = ctx.Steps.Add($"rollback/database/{schema}/restore", new DatabaseRestoreStep(BackupOf(verified), schema), verified.Node,
                ConcurrencyClasses.Cluster, needs: [previous]);
        }
        return previous;
    }

    /// <summary>The backup the run verified, as its plan says it.</summary>
    private static BackupLocation BackupOf(PlanStep verified) => FromRun(() => DatabaseBackupVerifyStep.Read(verified).Backup);

    /// <summary>What a step of the run's plan says; a step that lacks what its kind needs makes the plan unusable here.</summary>
    private static T FromRun<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (PlanStepException wrong)
        {
            throw new InputException($"the run's plan: {wrong.Message}", hint: "roll back by hand (docs/running.md, Rolling back)");
        }
    }

    /// <summary>Each node: the old repository, its packages back to that repository's versions, its /etc, its units.</summary>
    private static string AddNodes(HopContext ctx, Work work, List<(Node Node, ServiceDefinition[] Services, DrainedWork.Open Drained)> windows, string restored)
    {
        var steps = ctx.Steps;
        ctx.Enter(Phases.RollbackNodes, $"every node the run touched, back on {ctx.To.Series}  ∥ in parallel");
        var ends = new List<string>();
        foreach (var (node, services, drained) in windows)
        {
            var at = $"rollback/{node.Name}/";
            var last = restored;
            var packages = work.PackagesOn(node.Name);
            if (packages.Count > 0 || work.SwitchedSources(node.Name))
            {
                last = steps.Add(at + AptSourcesStep.Name, AptSourcesStep.For(ctx.Apt, ctx.To, ctx.From), node.Name, ConcurrencyClasses.Nodes, needs: [last]);
                last = steps.Add(at + AptUpdateStep.Name, AptUpdateStep.Kind, node.Name, ConcurrencyClasses.Nodes, needs: [last]);
            }
            if (packages.Count > 0)
            {
                last = steps.Add(at + "packages", new PackagesDowngradeStep(PackageTarget.For(packages, ctx.To, ctx.Catalog)), node.Name, ConcurrencyClasses.Nodes, needs: [last]);
            }
            if (work.ConfigBackupOf(node.Name) is { } backup)
            {
                last = steps.Add(at + "etc-restore", new ConfigRestoreStep(ConfigBackupStep.Read(backup).Backup), node.Name, ConcurrencyClasses.Nodes,
                    needs: [last]);
            }
            var units = NodeUpgrade.Units(services.Where(s => !s.RunsWhileInstalling).Select(s => s.On(node)), node.Roles);
            if (units.Length > 0)
            {
                last = steps.Add(at + "start", new UnitsStartStep(units), node.Name, ConcurrencyClasses.Nodes, needs: [last]);
            }
            var running = NodeUpgrade.Units(services.Where(s => s.RunsWhileInstalling).Select(s => s.On(node)), node.Roles);
            if (running.Length > 0)
            {
                last = steps.Add(at + "restart", new UnitsRestartStep(running), node.Name, ConcurrencyClasses.Nodes, needs: [last]);
            }
            ends.AddRange(drained.End(last).Ended);
        }
        return steps.Add("rollback/nodes-done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: ends);
    }

    private static string Digest(IEnumerable<string> ids) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids.Order(StringComparer.Ordinal)))))[..16];

    /// <summary>What the reached steps changed, by node.</summary>
    private sealed record Work(
        HashSet<string> DatabaseServices,
        Dictionary<string, List<string>> Packages,
        HashSet<string> Sources,
        Dictionary<string, PlanStep> ConfigBackups,
        HashSet<(string Node, string Service)> Services)
    {
        public bool IsEmpty => DatabaseServices.Count == 0 && Packages.Count == 0 && Sources.Count == 0 && Services.Count == 0;

        public static Work Of(IReadOnlyList<PlanStep> touched, OpenStackCatalog catalog, ClusterInventory inventory)
        {
            var work = new Work([], [], [], [], []);
            foreach (var step in touched)
            {
                var node = step.Node;
                if (DatabaseWork.Contains(step.Kind) && step.Service is { } service)
                {
                    work.DatabaseServices.Add(service);
                }
                if (node is null)
                {
                    continue;
                }
                if (step.Kind == PackagesInstallStep.Kind || step.Kind == DependenciesUpgradeStep.Kind)
                {
                    var infrastructure = inventory.Find(node)?.Roles.SelectMany(catalog.InfrastructureOn).ToHashSet() ?? [];
                    var list = work.Packages.TryGetValue(node, out var known) ? known : work.Packages[node] = [];
                    var packages = FromRun(() => step.Kind == PackagesInstallStep.Kind ? PackageTarget.ReadOptional(step)?.Packages : DependenciesUpgradeStep.Read(step).Packages);
                    list.AddRange((packages ?? [])
                        .Where(p => !infrastructure.Contains(p) && !list.Contains(p)));
                    if (list.Count == 0)
                    {
                        work.Packages.Remove(node);
                    }
                }
                else if (step.Kind == AptSourcesStep.Kind)
                {
                    work.Sources.Add(node);
                }
                else if (step.Kind == ConfigBackupStep.Kind)
                {
                    work.ConfigBackups[node] = step;
                }
                if (ServiceWork.Contains(step.Kind) && step.Service is { } touchedService)
                {
                    work.Services.Add((node, touchedService));
                }
            }
            return work;
        }

        /// <summary>A node with anything to put back (an /etc backup alone changes nothing).</summary>
        public bool Touches(Node node) =>
            Packages.ContainsKey(node.Name) || Sources.Contains(node.Name) || Services.Any(s => s.Node == node.Name);

        /// <summary>Units of a service stop on a node the run touched for it, and everywhere when its schemas are restored.</summary>
        public bool Stops(string node, string service) => Services.Contains((node, service)) || DatabaseServices.Contains(service);

        public IReadOnlyList<string> Schemas(IEnumerable<ServiceDefinition> services) =>
            [.. services.Where(s => DatabaseServices.Contains(s.Name)).SelectMany(s => s.Schemas)];

        public IReadOnlyList<string> PackagesOn(string node) => Packages.TryGetValue(node, out var list) ? list : [];

        public bool SwitchedSources(string node) => Sources.Contains(node);

        public PlanStep? ConfigBackupOf(string node) => ConfigBackups.GetValueOrDefault(node);
    }
}
