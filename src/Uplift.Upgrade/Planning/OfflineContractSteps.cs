using Uplift.Catalog;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Haproxy;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// A schema contract that needs every API server of the service in the cluster stopped (neutron doc
/// admin/migration-database.rst: "Offline migration requires all Neutron server instances in the cluster to be shutdown
/// before you apply any contract scripts"). The service's offline check runs first on the VIP holder; only when it
/// says contract work is pending (<see cref="StepCondition"/>) does the window open: each controller's servers drained
/// out of HAProxy and stopped, the contract, every server started, answering, and put back. The plan names the window
/// a planned outage of the service's API, from the first drain (once the last server is drained HAProxy has none left)
/// to the last server put back; the run's probe counts it apart.
/// </summary>
internal static class OfflineContractSteps
{
    public static string[] Add(HopContext ctx, ServiceDefinition service, CatalogCommand check, string[] needs)
    {
        var steps = ctx.Steps;
        var vip = ctx.VipHolder;
        ctx.Enter(Phases.Finalize, $"{service.Name}: offline contract, a planned {service.Name} API outage: every {service.Name} server stopped " +
            $"(only if '{check.Command}' says contract work is pending)", service.Name);
        var checkId = steps.Add($"finalize/{service.Name}/offline-check", new DatabaseOfflineCheckStep(StepCommand.Of(check)), vip.Name,
            ConcurrencyClasses.Cluster, needs: needs);
        var pending = check.ExitCodes?.Meanings.FirstOrDefault(m => m.Value == ExitMeaning.ContractNeeded).Key ?? 1;
        var condition = new StepCondition(checkId, pending).Argument;
        var outage = PlannedOutage.Of(service.Name);

        var servers = ctx.Controllers.Select(node => (Node: node, Units: NodeUpgrade.UnitsOn(service, node, includeComputeRole: false)))
            .Where(s => s.Units.Count > 0)
            .ToList();
        var drains = new Dictionary<string, (HaproxyServer Server, string Step)[]>();
        var stops = new List<string>();
        foreach (var (node, units) in servers)
        {
            var at = $"finalize/{service.Name}/{node.Name}/";
            drains[node.Name] = ctx.Options.Drain
                ? DrainedWork.Backends(ctx, service, node)
                    .Select(b => (b, steps.Add(at + "drain-" + b.Name, HaproxyDrainStep.Kind, node.Name, ConcurrencyClasses.Nodes,
                        needs: [checkId], arguments: [.. b.DrainArguments(), condition, outage])))
                    .ToArray()
                : [];
            string[] drained = drains[node.Name].Length > 0 ? [.. drains[node.Name].Select(d => d.Step)] : [checkId];
            stops.Add(steps.Add(at + "stop", new UnitsStopStep(units), node.Name, ConcurrencyClasses.Nodes, needs: drained,
                marks: [condition, outage]));
        }

        var contract = DatabaseSteps.AddContract(ctx, service, vip, [checkId, .. stops], condition, outage);

        var ended = new List<string>();
        foreach (var (node, units) in servers)
        {
            var at = $"finalize/{service.Name}/{node.Name}/";
            var healthy = steps.Add(at + "start", new UnitsStartStep(units), node.Name, ConcurrencyClasses.Nodes, needs: contract,
                marks: [condition, outage]);
            foreach (var server in DrainedWork.Backends(ctx, service, node))
            {
                healthy = steps.Add(at + "wait-" + server.Name, new WaitBackendStep(node.Address, server.Port, server.Unit), node.Name, ConcurrencyClasses.Nodes,
                    needs: [healthy], marks: [condition, outage]);
            }
            ended.Add(healthy);
            foreach (var (server, drain) in drains[node.Name])
            {
                ended.Add(steps.Add(at + "enable-" + server.Name, HaproxyEnableStep.Kind, node.Name, ConcurrencyClasses.Nodes,
                    needs: [drain], after: [healthy], arguments: [.. server.EnableArguments(), condition, outage], alwaysRun: true));
            }
        }
        return [.. ended];
    }
}
