using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Upgrade.Steps.Haproxy;

namespace Uplift.Upgrade.Planning;

/// <summary>
/// Wraps work on a controller the way an API server must be touched: drain each of its HAProxy backends
/// (when draining is on), do the work, wait until every API answers on the node's own address, and put
/// the server back in HAProxy (always, even after a failure).
/// </summary>
internal static class DrainedWork
{
    /// <summary>What the rest of the plan can wait for.</summary>
    /// <param name="Healthy">The node's new code is running and answering (the last step that must succeed).</param>
    /// <param name="Ended">Every step of the node, cleanup included: later nodes are ordered after these.</param>
    public sealed record Result(string Healthy, IReadOnlyList<string> Ended);

    /// <param name="services">Whose APIs the node serves during the work: one service, or all of them at once (a minor update restarts them all).</param>
    /// <param name="work">Adds the steps between drain and wait; gets what they need, returns the last step.</param>
    public static Result Add(
        HopContext ctx,
        IReadOnlyList<ServiceDefinition> services,
        Node node,
        string stepPrefix,
        string concurrencyClass,
        string[] needs,
        string[] after,
        Func<string[], string[], string> work)
    {
        var drained = Begin(ctx, services, node, stepPrefix, concurrencyClass, needs, after);
        return drained.End(work(drained.Needs, drained.After));
    }

    /// <summary>The drains alone: for work that other nodes' steps come between (an API held back until the satellites are done).</summary>
    public static Open Begin(
        HopContext ctx,
        IReadOnlyList<ServiceDefinition> services,
        Node node,
        string stepPrefix,
        string concurrencyClass,
        string[] needs,
        string[] after,
        params KeyValuePair<string, string>[] marks)
    {
        // A controller's APIs, and those of nodes whose role serves one (swift proxies, telemetry nodes' gnocchi).
        var servers = services.SelectMany(s => Backends(ctx, s, node)).ToArray();
        var drained = ctx.Options.Drain ? servers : [];
        var drains = drained
            .Select(s => ctx.Steps.Add(stepPrefix + "drain-" + s.Name, HaproxyDrainStep.Kind, node.Name, concurrencyClass,
                needs: needs, after: after, arguments: [.. s.DrainArguments(), .. marks]))
            .ToArray();
        return new Open(ctx, node, stepPrefix, concurrencyClass, servers, drained, drains, needs, after, marks);
    }

    /// <summary>A node drained (or not, without draining) whose work is under way.</summary>
    public sealed class Open(
        HopContext ctx, Node node, string stepPrefix, string concurrencyClass, HaproxyServer[] servers, HaproxyServer[] drained, string[] drains,
        string[] needs, string[] after, KeyValuePair<string, string>[] marks)
    {
        /// <summary>What the first step of the work needs and follows.</summary>
        public string[] Needs => drains.Length > 0 ? drains : needs;

        public string[] After => drains.Length > 0 ? [] : after;

        /// <summary>Waits until each API answers on the node after <paramref name="lastWork"/>, then puts its servers back (always).</summary>
        public Result End(string lastWork)
        {
            var steps = ctx.Steps;
            var healthy = lastWork;
            foreach (var server in servers)
            {
                healthy = steps.Add(stepPrefix + "wait-" + server.Name, new WaitBackendStep(node.Address, server.Port, server.Unit), node.Name, concurrencyClass, needs: [healthy],
                    marks: marks);
            }
            var ended = new List<string> { healthy };
            for (var i = 0; i < drains.Length; i++)
            {
                ended.Add(steps.Add(stepPrefix + "enable-" + drained[i].Name, HaproxyEnableStep.Kind, node.Name, concurrencyClass,
                    needs: [drains[i]], after: [healthy], arguments: [.. drained[i].EnableArguments(), .. marks], alwaysRun: true));
            }
            return new Result(healthy, ended);
        }
    }

    /// <summary>The HAProxy backends a node serves for a service (a backend's unit runs under one of its roles), named by the
    /// inventory's pattern or overrides.</summary>
    public static IReadOnlyList<HaproxyServer> Backends(HopContext ctx, ServiceDefinition service, Node node) =>
        service.On(node).Backends
            .Where(b => node.Roles.Any(r => service.On(node).UnitsOn(r).Contains(b.Unit)))
            .Select(b => new HaproxyServer(
                b.Name,
                BackendName(ctx.Inventory.Haproxy, b),
                ctx.Inventory.Haproxy.ServerName(node),
                b.Port,
                b.Unit,
                ctx.Inventory.Haproxy.Socket,
                HaproxyNodes(ctx),
                ctx.Inventory.Haproxy.DrainTimeoutSeconds,
                ctx.Inventory.Ssh.Sudo))
            .ToArray();

    /// <summary>Every controller's HAProxy, the planned VIP holder first (the inventory has an admin socket on each).</summary>
    public static string HaproxyNodes(HopContext ctx) =>
        string.Join(' ', ctx.Controllers.Where(c => c == ctx.VipHolder).Concat(ctx.OtherControllers).Select(c => c.Name));

    private static string BackendName(HaproxySettings haproxy, ApiBackend backend) =>
        haproxy.Backends is { } overrides && overrides.TryGetValue(backend.Name, out var names) && names.Count > 0
            ? names[0]
            : haproxy.BackendPattern.Replace("{service}", backend.Name, StringComparison.Ordinal);
}
