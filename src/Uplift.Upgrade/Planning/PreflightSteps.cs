using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.ApiChecks;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Haproxy;
using Uplift.Upgrade.Steps.Nodes;
using Uplift.Upgrade.Steps.Vip;

namespace Uplift.Upgrade.Planning;

/// <summary>Read-only checks before anything changes: nodes, VIP, HAProxy, service health, disk, config.</summary>
internal static class PreflightSteps
{
    public const int MinimumFreeMegabytes = 1024;

    public static string Add(HopContext ctx, IEnumerable<string> after)
    {
        var steps = ctx.Steps;
        var afterList = after.ToArray();
        var all = new List<string>();

        ctx.Enter(Phases.Preflight, "every node");
        var diskSpace = new CheckDiskSpaceStep("/var/cache/apt/archives", MinimumFreeMegabytes);
        foreach (var node in ctx.Inventory.Nodes)
        {
            var reachable = steps.Add($"preflight/{node.Name}/reachable", CheckReachableStep.Kind, node.Name, ConcurrencyClasses.Nodes, after: afterList);
            all.Add(steps.Add($"preflight/{node.Name}/disk-space", diskSpace, node.Name, ConcurrencyClasses.Nodes,
                needs: [reachable]));
            if (ctx.PerRoles("config-options", node, () => ConfigOptions(ctx, node) is { Count: > 0 } options ? new[] { new CheckConfigOptionsStep(options) } : [])
                is [var configOptions])
            {
                all.Add(steps.Add($"preflight/{node.Name}/config-options", configOptions, node.Name, ConcurrencyClasses.Nodes, needs: [reachable]));
            }
            // Each node's own [service_user]: nova-compute sends service tokens too (to neutron and cinder).
            if (ctx.PerRoles("service-token-roles", node, () => new[] { ServiceTokenRoles(ctx, node) })[0] is { } tokenRoles)
            {
                all.Add(steps.Add($"preflight/{node.Name}/service-token-roles", tokenRoles, node.Name, ConcurrencyClasses.Nodes, needs: [reachable]));
            }
        }

        ctx.Enter(Phases.Preflight, "cluster");
        var vip = ctx.VipHolder;
        var vipReachable = steps.Prefix + $"preflight/{vip.Name}/reachable";
        if (ctx.Inventory.Pacemaker.ApiVip is { } resource)
        {
            all.Add(steps.Add("preflight/vip-holder", new LocateVipStep(resource, vip.Name), vip.Name, ConcurrencyClasses.Cluster, needs: [vipReachable]));
        }
        if (ctx.Options.Drain)
        {
            var servers = ctx.Controllers.SelectMany(c => ctx.Services.SelectMany(s => DrainedWork.Backends(ctx, s, c))).ToArray();
            if (servers.Length > 0)
            {
                all.Add(steps.Add("preflight/haproxy-backends", CheckHaproxyBackendsStep.Kind, vip.Name, ConcurrencyClasses.Cluster,
                    needs: [vipReachable], arguments: new CheckHaproxyBackendsStep(
                        ctx.Inventory.Haproxy.Socket,
                        DrainedWork.HaproxyNodes(ctx).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                        [.. servers.Select(s => $"{s.Backend}/{s.Server}").Distinct()],
                        ctx.Inventory.Ssh.Sudo).Write()));
            }
        }
        foreach (var service in ctx.Services)
        {
            steps.Service = service.Name;
            if (service.UpgradeCheck is { } check)
            {
                all.Add(steps.Add($"preflight/{service.Name}/upgrade-check", new UpgradeCheckStep(StepCommand.Of(check)), vip.Name,
                    ConcurrencyClasses.Cluster, needs: [vipReachable]));
            }
        }
        steps.Service = null;
        all.Add(steps.Add("preflight/services-up", new CheckServicesUpStep([.. ctx.Services.Select(s => s.Name)]), null, ConcurrencyClasses.Cluster, needs: [vipReachable]));
        return steps.Add("preflight/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: all);
    }

    /// <summary>"file|section|option|replacement" entries for options the target release renames or removes, on this node's services.</summary>
    private static IReadOnlyList<RetiredOption> ConfigOptions(HopContext ctx, Node node)
    {
        var units = ctx.Services.SelectMany(s => NodeUpgrade.UnitsOn(s, node, includeComputeRole: true)).ToHashSet(StringComparer.Ordinal);
        var files = ctx.Services
            .Where(s => NodeUpgrade.UnitsOn(s, node, includeComputeRole: true).Count > 0)
            .Select(s => $"/etc/{s.Name}/")
            .ToArray();
        var crossed = Crossed(ctx);
        var changes = ctx.Catalog.ConfigChanges
            .Where(c => crossed.Contains(c.Release))
            .Where(c => files.Any(f => c.File.StartsWith(f, StringComparison.Ordinal)))
            .Where(c => c.Unit is null || units.Contains(c.Unit))
            .Select(c => new RetiredOption(c.File, c.Section, c.Option, c.ReplacedBy ?? "", c.StopsService ? c.Note : ""));
        return [.. changes];
    }

    /// <summary>The newest service-token rule the hop crosses, checked in the node's config files of the planned services it
    /// runs; null when the hop crosses none or the node runs none.</summary>
    private static CheckServiceTokenRolesStep? ServiceTokenRoles(HopContext ctx, Node node)
    {
        var crossed = Crossed(ctx);
        var releases = ctx.Catalog.Releases.Select(r => r.Series).ToList();
        var rule = ctx.Catalog.ServiceTokenRoles.Where(r => crossed.Contains(r.Release)).MaxBy(r => releases.IndexOf(r.Release));
        var files = ctx.Services.Where(s => NodeUpgrade.UnitsOn(s, node, includeComputeRole: true).Count > 0)
            .Select(s => $"/etc/{s.Name}/{s.Name}.conf").ToList();
        return rule is null || files.Count == 0 ? null : new CheckServiceTokenRolesStep(files, rule.Roles, rule.Note);
    }

    /// <summary>The series the hop lands in: after its start, up to and including its target.</summary>
    private static HashSet<string> Crossed(HopContext ctx)
    {
        var releases = ctx.Catalog.Releases.Select(r => r.Series).ToList();
        var (first, last) = (releases.IndexOf(ctx.From.Series), releases.IndexOf(ctx.To.Series));
        return releases.Where((_, i) => i > first && i <= last).ToHashSet(StringComparer.Ordinal);
    }
}
