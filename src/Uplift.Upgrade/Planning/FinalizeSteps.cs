using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.ApiChecks;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.PuppetAgent;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// Once every node runs the new code: online data migrations to zero, RPC pins removed with staggered restarts,
/// schema contract (offline where the service demands it: <see cref="OfflineContractSteps"/>), puppet back on,
/// post-checks on the new release.
/// </summary>
internal static class FinalizeSteps
{
    /// <param name="upgrade">false for a minor update: only puppet and the post-checks.</param>
    public static string Add(HopContext ctx, string computesDone, bool upgrade)
    {
        var steps = ctx.Steps;
        var vip = ctx.VipHolder;
        string[] previous = [computesDone];

        var signalled = new List<string>();
        foreach (var service in ctx.Services.Where(s => upgrade && s.SighupAfterUpgrade))
        {
            // Every node runs the new code now: each unit of the service, computes included, reloads (SIGHUP) so it
            // recomputes the RPC version it may use before the data is migrated (nova doc admin/upgrades.rst). API units
            // reload below, one controller at a time out of HAProxy: a reload re-imports the service (seconds on a busy
            // node) and every controller's at once left the API with no server answering (real lab, docs/lab.md).
            ctx.Enter(Phases.Finalize, $"{service.Name}: every unit but the API reloads (SIGHUP)", service.Name);
            foreach (var node in ctx.Inventory.Nodes)
            {
                var signal = ctx.PerRoles("sighup:" + service.Name, node, () =>
                    NodeUpgrade.UnitsOn(service, node, includeComputeRole: true).Where(u => !service.On(node).ApiUnits.Contains(u)).ToArray() is { Length: > 0 } units
                        ? new[] { new UnitsSignalStep(units) } : []);
                if (signal is [var sighup])
                {
                    signalled.Add(steps.Add($"finalize/{service.Name}/{node.Name}/sighup", sighup, node.Name, ConcurrencyClasses.Nodes,
                        needs: previous));
                }
            }
        }
        previous = [.. previous, .. signalled];
        foreach (var service in ctx.Services.Where(s => upgrade && s.SighupAfterUpgrade))
        {
            previous = ReloadApi(ctx, service, previous);
        }

        ctx.Enter(Phases.Finalize, "online data migrations");
        foreach (var service in ctx.Services.Where(s => upgrade && s.OnlineMigrations is not null))
        {
            steps.Service = service.Name;
            previous = [steps.Add($"finalize/{service.Name}/online-migrations",
                new OnlineMigrationsStep(StepCommand.Of(service.OnlineMigrations!).WithMaxCount(ctx.Options.OnlineMigrationBatch), ctx.Options.OnlineMigrationBatch), vip.Name, ConcurrencyClasses.Cluster,
                needs: previous)];
        }

        // Controllers one at a time, each drained while it restarts, so the APIs keep answering.
        foreach (var service in ctx.Services.Where(s => upgrade && s.RpcPin is not null))
        {
            ctx.Enter(Phases.Finalize, $"{service.Name}: remove RPC pin, restart one controller at a time", service.Name);
            string[] after = [];
            foreach (var node in ctx.Controllers)
            {
                var units = NodeUpgrade.UnitsOn(service, node, includeComputeRole: false);
                var at = $"finalize/{service.Name}/{node.Name}/";
                var done = DrainedWork.Add(ctx, [service], node, at, ConcurrencyClasses.Restarts, previous, after, (first, firstAfter) =>
                {
                    var unpin = steps.Add(at + RpcUnpinStep.Name, new RpcUnpinStep(RpcPinSetting.Of(service.RpcPin!)), node.Name, ConcurrencyClasses.Restarts, needs: first,
                        after: firstAfter);
                    return steps.Add(at + "restart", new UnitsRestartStep(units), node.Name, ConcurrencyClasses.Restarts, needs: [unpin]);
                });
                after = [.. done.Ended];
                previous = [done.Healthy];
            }
        }

        // Contract only what was expanded: a service with nothing on the VIP holder (left out by the catalog, e.g. a site's
        // overlay keeping it on its release) had no schema steps there, and its old code is not run to contract.
        foreach (var service in ctx.Services.Where(s => upgrade && s.Database.Contract.Count > 0 && NodeUpgrade.HasWorkOn(s.On(vip), vip)))
        {
            if (service.Database.OfflineCheck is { } offline)
            {
                previous = OfflineContractSteps.Add(ctx, service, offline, previous);
                continue;
            }
            ctx.Enter(Phases.Finalize, "schema contract");
            steps.Service = service.Name;
            previous = DatabaseSteps.AddContract(ctx, service, vip, previous);
        }

        ctx.Enter(Phases.Finalize, "every node");
        var puppet = ctx.Inventory.Nodes
            .Select(n => steps.Add($"finalize/{n.Name}/puppet-enable", PuppetEnableStep.Kind, n.Name, ConcurrencyClasses.Nodes, needs: previous))
            .ToArray();
        if (ctx.Inventory.Puppet.ManagesNodes)
        {
            puppet = PuppetRuns(ctx, puppet);
        }

        ctx.Enter(Phases.Finalize, "post-checks");
        var checks = new List<string>();
        foreach (var service in ctx.Services.Where(s => s.UpgradeCheck is not null))
        {
            steps.Service = service.Name;
            checks.Add(steps.Add($"finalize/{service.Name}/upgrade-check", new UpgradeCheckStep(StepCommand.Of(service.UpgradeCheck!)), vip.Name,
                ConcurrencyClasses.Cluster, needs: previous));
        }
        steps.Service = null;
        checks.Add(steps.Add("finalize/services-up", new CheckServicesUpStep([.. ctx.Services.Select(s => s.Name)], ctx.To.Series), null, ConcurrencyClasses.Cluster, needs: previous));
        checks.Add(steps.Add("finalize/smoke-test", new PostCheckStep(PostCheckStep.DefaultChecks), null, ConcurrencyClasses.Cluster, needs: previous));
        return steps.Add("finalize/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: [.. puppet, .. checks]);
    }

    /// <summary>
    /// The service's API units reload one controller at a time, drained, so the API keeps answering: by SIGHUP, or by a
    /// restart for an API that goes last (cinder doc admin/upgrades.rst: "cinder-api service doesn't handle SIGHUP so it
    /// needs to be restarted. It's best to restart your cinder-api services as last ones").
    /// </summary>
    private static string[] ReloadApi(HopContext ctx, Catalog.ServiceDefinition service, string[] previous)
    {
        ctx.Enter(Phases.Finalize, service.ApiLast
            ? $"{service.Name}: API restarted (it does not handle SIGHUP), one controller at a time"
            : $"{service.Name}: API reloads (SIGHUP), one controller at a time", service.Name);
        string[] after = [];
        foreach (var node in ctx.Controllers)
        {
            var units = NodeUpgrade.UnitsOn(service, node, includeComputeRole: false).Where(service.On(node).ApiUnits.Contains).ToArray();
            if (units.Length == 0)
            {
                continue;
            }
            var at = service.ApiLast ? $"finalize/{service.Name}/{node.Name}/" : $"finalize/{service.Name}/{node.Name}/api-reload/";
            var done = DrainedWork.Add(ctx, [service], node, at, ConcurrencyClasses.Restarts, previous, after, (first, firstAfter) => service.ApiLast
                ? ctx.Steps.Add(at + "restart", new UnitsRestartStep(units), node.Name, ConcurrencyClasses.Restarts, needs: first, after: firstAfter)
                : ctx.Steps.Add(at + "sighup", new UnitsSignalStep(units), node.Name, ConcurrencyClasses.Restarts, needs: first, after: firstAfter));
            after = [.. done.Ended];
            previous = [done.Healthy];
        }
        return previous;
    }

    /// <summary>One watched agent run per node once puppet is enabled again (inventory puppet.manages_nodes), in a bounded
    /// window: controllers one at a time, each drained out of every HAProxy (a run may restart the services whose
    /// configuration it changes), the others puppet.runs_at_once at a time. Exit codes 0 and 2 succeed, 4 and 6 fail.</summary>
    private static string[] PuppetRuns(HopContext ctx, string[] enabled)
    {
        ctx.Enter(Phases.Finalize, $"puppet runs once on every node: controllers one at a time, drained; the others {ctx.Inventory.Puppet.RunsAtOnce} at a time");
        var runs = new List<string>();
        string[] previous = [];
        string[] after = [];
        foreach (var (node, enable) in ctx.Inventory.Nodes.Zip(enabled))
        {
            var at = $"finalize/{node.Name}/";
            if (!node.Has(Role.Controller))
            {
                runs.Add(ctx.Steps.Add(at + "puppet-run", PuppetRunStep.Kind, node.Name, ConcurrencyClasses.PuppetRuns, needs: [enable]));
                continue;
            }
            var services = ctx.Services.Where(s => DrainedWork.Backends(ctx, s, node).Count > 0).ToArray();
            var done = DrainedWork.Add(ctx, services, node, at + "puppet/", ConcurrencyClasses.Restarts, [enable, .. previous], after, (first, firstAfter) =>
                ctx.Steps.Add(at + "puppet-run", PuppetRunStep.Kind, node.Name, ConcurrencyClasses.Restarts, needs: first, after: firstAfter));
            previous = [done.Healthy];
            after = [.. done.Ended];
            runs.AddRange(done.Ended);
        }
        return [.. runs];
    }
}
