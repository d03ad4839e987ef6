using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.Units;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// The steps that move one service on one node to new code, inside <see cref="DrainedWork"/>: stop (and mask)
/// its units, install its packages, run the DB steps (VIP holder only), pin RPC (controllers), start.
/// </summary>
internal static class NodeUpgrade
{
    /// <summary>The service's units on the node, in the node's form (<see cref="ServiceDefinition.On"/>).</summary>
    public static IReadOnlyList<string> UnitsOn(ServiceDefinition service, Node node, bool includeComputeRole) =>
        Units([service.On(node)], RolesOf(node, includeComputeRole));

    public static IReadOnlyList<string> PackagesOn(ServiceDefinition service, Node node, bool includeComputeRole) =>
        Packages([service.On(node)], RolesOf(node, includeComputeRole));

    /// <summary>Whether the service has units or packages on the node (its controller roles): if not, the node gets none of
    /// its steps, the schema steps of the VIP holder included.</summary>
    public static bool HasWorkOn(ServiceDefinition service, Node node) =>
        UnitsOn(service, node, includeComputeRole: false).Count > 0 || PackagesOn(service, node, includeComputeRole: false).Count > 0;

    /// <summary>The units <paramref name="services"/> run under <paramref name="roles"/>, each once, first appearance first.</summary>
    public static string[] Units(IEnumerable<ServiceDefinition> services, IEnumerable<Role> roles) =>
        Collect(services, roles, (service, role) => service.UnitsOn(role));

    /// <summary>The packages of <paramref name="services"/> under <paramref name="roles"/>, each once, first appearance first.</summary>
    public static string[] Packages(IEnumerable<ServiceDefinition> services, IEnumerable<Role> roles) =>
        Collect(services, roles, (service, role) => service.PackagesOn(role));

    /// <summary>The node's roles, without its compute role unless asked (computes are upgraded by the compute dance).</summary>
    public static IEnumerable<Role> RolesOf(Node node, bool includeComputeRole) =>
        node.Roles.Where(r => includeComputeRole || r != Role.Compute);

    /// <returns>null when the service has nothing on this node.</returns>
    public static DrainedWork.Result? Add(
        HopContext ctx,
        ServiceDefinition service,
        Node node,
        string concurrencyClass,
        IEnumerable<string> needs,
        IEnumerable<string> after,
        bool withDatabase,
        int pauseAfterSeconds = 0)
    {
        service = service.On(node);
        if (!HasWorkOn(service, node))
        {
            return null;
        }
        var units = UnitsOn(service, node, includeComputeRole: false);
        var packages = PackagesOn(service, node, includeComputeRole: false);
        var at = $"{service.Name}/{node.Name}/";
        return DrainedWork.Add(ctx, [service], node, at, concurrencyClass, needs.ToArray(), after.ToArray(), (first, firstAfter) =>
        {
            var ready = NewCode(ctx, service, node, at, concurrencyClass, first, firstAfter, withDatabase, units, packages, []);
            return service.RunsWhileInstalling
                ? ctx.Steps.Add(at + "restart", new UnitsRestartStep(units), node.Name, concurrencyClass, needs: ready, pauseAfterSeconds: pauseAfterSeconds)
                : ctx.Steps.Add(at + "start", new UnitsStartStep(units), node.Name, concurrencyClass, needs: ready, pauseAfterSeconds: pauseAfterSeconds);
        });
    }

    /// <summary>
    /// The service's new code on a controller whose API units must wait (<see cref="ServiceDefinition.ApiLast"/>): drained,
    /// every unit stopped, the packages installed (they carry the API's code too), the DB steps, and only the other units
    /// started. The caller starts the API units (<see cref="Held.StartApi"/>) once the satellites run the new code.
    /// </summary>
    /// <returns>null when the service has nothing on this node.</returns>
    public static Held? AddHoldingApi(
        HopContext ctx, ServiceDefinition service, Node node, string concurrencyClass, string[] needs, string[] after, bool withDatabase,
        KeyValuePair<string, string>[] marks)
    {
        service = service.On(node);
        if (!HasWorkOn(service, node))
        {
            return null;
        }
        var units = UnitsOn(service, node, includeComputeRole: false);
        var packages = PackagesOn(service, node, includeComputeRole: false);
        var at = $"{service.Name}/{node.Name}/";
        var drained = DrainedWork.Begin(ctx, [service], node, at, concurrencyClass, needs, after, marks);
        var ready = NewCode(ctx, service, node, at, concurrencyClass, drained.Needs, drained.After, withDatabase, units, packages, marks);
        var api = units.Where(service.ApiUnits.Contains).ToArray();
        var others = units.Except(api).ToArray();
        var started = others.Length == 0 ? ready
            : [ctx.Steps.Add(at + "start", new UnitsStartStep(others), node.Name, concurrencyClass, needs: ready, marks: marks)];
        return new Held(ctx, node, at, concurrencyClass, drained, api, started, marks);
    }

    /// <summary>A controller with its new code in place and its API units still stopped and drained.</summary>
    public sealed class Held(
        HopContext ctx, Node node, string at, string concurrencyClass, DrainedWork.Open drained, string[] apiUnits, string[] started,
        KeyValuePair<string, string>[] marks)
    {
        /// <summary>The last step before the API units start: what the satellites wait for.</summary>
        public string[] Started => started;

        public DrainedWork.Result StartApi(string[] satellitesDone) =>
            drained.End(apiUnits.Length == 0 ? started[0]
                : ctx.Steps.Add(at + "start-api", new UnitsStartStep(apiUnits), node.Name, concurrencyClass, needs: [.. started, .. satellitesDone],
                    marks: marks));
    }

    /// <summary>Stop, install, DB steps and readiness check (VIP holder), RPC pin (controllers): returns the last of them.</summary>
    private static string[] NewCode(
        HopContext ctx, ServiceDefinition service, Node node, string at, string concurrencyClass, string[] first, string[] firstAfter,
        bool withDatabase, IReadOnlyList<string> units, IReadOnlyList<string> packages, KeyValuePair<string, string>[] marks)
    {
        var steps = ctx.Steps;
        // A service whose units run through the install (RunsWhileInstalling) is not stopped: its install comes first.
        string[] last = service.RunsWhileInstalling ? first
            : [steps.Add(at + "stop", new UnitsStopStep(units, PackageTarget.For(packages, ctx.To, ctx.Catalog)), node.Name, concurrencyClass, needs: first,
                after: firstAfter, marks: marks)];
        if (packages.Count > 0)
        {
            last = [steps.Add(at + "install", new PackagesInstallStep(PackageTarget.For(packages, ctx.To, ctx.Catalog)), node.Name, concurrencyClass, needs: last,
                after: service.RunsWhileInstalling ? firstAfter : null, marks: marks)];
        }
        if (withDatabase)
        {
            last = DatabaseSteps.AddBeforeOthers(ctx, service, node, concurrencyClass, last);
            if (service.UpgradeCheck is { } check)
            {
                // nova doc admin/upgrades.rst: "Before restarting services with new code, perform the release-specific
                // readiness check" (every <svc>-status is that check, oslo.upgradecheck): with the new code installed and
                // its schema synced, before its first new unit starts.
                last = [steps.Add(at + UpgradeCheckStep.Name, new UpgradeCheckStep(StepCommand.Of(check)), node.Name, concurrencyClass,
                    needs: last)];
            }
        }
        if (service.RpcPin is { } pin && node.Has(Role.Controller))
        {
            last = [steps.Add(at + RpcPinStep.Name, new RpcPinStep(RpcPinSetting.Of(pin)), node.Name, concurrencyClass, needs: last)];
        }
        return last;
    }

    private static string[] Collect(
        IEnumerable<ServiceDefinition> services, IEnumerable<Role> roles, Func<ServiceDefinition, Role, IReadOnlyList<string>> of) =>
        services.SelectMany(service => roles.SelectMany(role => of(service, role))).Distinct(StringComparer.Ordinal).ToArray();

}
