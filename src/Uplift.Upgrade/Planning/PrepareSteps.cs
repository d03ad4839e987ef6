using Uplift.Planning;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.PuppetAgent;
namespace Uplift.Upgrade.Planning;

/// <summary>
/// Every node, many at a time: puppet off, the services' /etc backed up (a tarball with its sha256 on the node, a copy
/// here) before anything is installed, APT sources switched to the target, apt-get update, dependency packages upgraded
/// (only installed ones with a newer candidate, decided at run time). Nothing is restarted yet.
/// </summary>
internal static class PrepareSteps
{
    public static string Add(HopContext ctx, string preflightDone)
    {
        var steps = ctx.Steps;
        ctx.Enter(Phases.Prepare, "every node");
        var ends = new List<string>();
        var aptSources = AptSourcesStep.For(ctx.Catalog.Apt, ctx.To, ctx.From);
        foreach (var node in ctx.Inventory.Nodes)
        {
            var at = $"prepare/{node.Name}/";
            var puppet = steps.Add(at + PuppetDisableStep.Name, new PuppetDisableStep(ctx.Reason), node.Name, ConcurrencyClasses.Nodes,
                needs: [preflightDone]);
            var directories = ctx.PerRoles<IReadOnlyList<string>>("config-directories", node, () => [.. ctx.Services
                .Where(s => NodeUpgrade.PackagesOn(s, node, includeComputeRole: true).Count > 0)
                .Select(s => $"/etc/{s.Name}")]);
            var backup = directories.Count == 0 ? puppet
                : steps.Add(at + "etc-backup",
                    new ConfigBackupStep(new EtcBackup(directories, ctx.Inventory.Database.BackupDirectory, $"etc-{node.Name}-before-{ctx.To.Series}.tar.gz")),
                    node.Name, ConcurrencyClasses.Nodes, needs: [puppet]);
            var sources = steps.Add(at + AptSourcesStep.Name, aptSources, node.Name, ConcurrencyClasses.Nodes, needs: [backup]);
            var update = steps.Add(at + AptUpdateStep.Name, AptUpdateStep.Kind, node.Name, ConcurrencyClasses.Nodes, needs: [sources]);
            var packages = ctx.PerRoles("dependencies", node,
                () => string.Join(' ', node.Roles.SelectMany(ctx.Catalog.DependenciesOn).Distinct(StringComparer.Ordinal)));
            ends.Add(packages.Length == 0
                ? update
                : steps.Add(at + "dependencies", new DependenciesUpgradeStep(packages.Split(' ', StringSplitOptions.RemoveEmptyEntries)), node.Name, ConcurrencyClasses.Nodes, needs: [update]));
        }
        return steps.Add("prepare/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: ends);
    }
}
