using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Config;
using Uplift.Upgrade.Steps.Packages;
using Uplift.Upgrade.Steps.PuppetAgent;
using Uplift.Upgrade.Steps.Units;
namespace Uplift.Upgrade.Planning;

/// <summary>
/// Every node, many at a time: puppet off, the services' /etc backed up (a tarball with its sha256 on the node, a copy
/// here) before anything is installed, APT sources switched to the target, apt-get update, dependency packages upgraded
/// (only installed ones with a newer candidate, decided at run time). Nothing is restarted yet, but the puppet master,
/// moved to the target once every agent is off.
/// </summary>
internal static class PrepareSteps
{
    public static string Add(HopContext ctx, string preflightDone)
    {
        var steps = ctx.Steps;
        ctx.Enter(Phases.Prepare, "every node");
        var ends = new List<string>();
        var disabled = new List<string>();
        var aptSources = AptSourcesStep.For(ctx.Apt, ctx.To, ctx.From);
        string[] servedBefore = [];
        var puppetDisable = new PuppetDisableStep(ctx.Reason);
        foreach (var node in ctx.Inventory.Nodes)
        {
            var at = $"prepare/{node.Name}/";
            var puppet = steps.Add(at + PuppetDisableStep.Name, puppetDisable, node.Name, ConcurrencyClasses.Nodes,
                needs: [preflightDone]);
            disabled.Add(puppet);
            var directories = ctx.PerRoles<IReadOnlyList<string>>("config-directories", node, () => [.. ctx.Services
                .Where(s => NodeUpgrade.PackagesOn(s, node, includeComputeRole: true).Count > 0)
                .Select(s => $"/etc/{s.Name}")]);
            var backup = directories.Count == 0 ? puppet
                : steps.Add(at + "etc-backup",
                    new ConfigBackupStep(new EtcBackup(directories, ctx.Inventory.Database.BackupDirectory, $"etc-{node.Name}-before-{ctx.To.Series}.tar.gz")),
                    node.Name, ConcurrencyClasses.Nodes, needs: [puppet]);
            var sources = steps.Add(at + AptSourcesStep.Name, aptSources, node.Name, ConcurrencyClasses.Nodes, needs: [backup]);
            var update = steps.Add(at + AptUpdateStep.Name, AptUpdateStep.Kind, node.Name, ConcurrencyClasses.Nodes, needs: [sources]);
            // A compute's dependencies wait for its own window (ComputeSteps): some pull its hypervisor stack (Debian's
            // libvirt-daemon-system depends on libvirt-clients of the same version), which must not move under its instances.
            var packages = ComputeSteps.InDance(node) ? "" : Dependencies(ctx, node);
            // The node's services' own packages stay: their code moves in each service's steps, after its schema is
            // expanded; the real rehearsal's prepare moved neutron's code on both controllers before neutron's expand
            // (its dependencies named Debian's neutron-api and neutron-rpc-server, docs/lab.md, 2026-12-07).
            var dependencies = ctx.PerRoles("prepare-dependencies", node,
                () => new DependenciesUpgradeStep(packages.Split(' ', StringSplitOptions.RemoveEmptyEntries), ServiceCode(ctx, node), ServiceCodeReason));
            // A node that serves APIs has its dependencies (the libraries its running services import from) upgraded
            // drained out of HAProxy, one such node at a time, its APIs answering again before it goes back: the real
            // rehearsal's neutron API failed on both controllers at once at the end of their dependency upgrade, twice
            // (docs/lab.md, 2026-12-07).
            var serving = ctx.PerRoles("serving", node, () => ctx.Services.Where(s => DrainedWork.Backends(ctx, s, node).Count > 0).ToArray());
            if (packages.Length == 0)
            {
                ends.Add(update);
            }
            else if (serving.Length == 0)
            {
                ends.Add(steps.Add(at + "dependencies", dependencies, node.Name, ConcurrencyClasses.Nodes, needs: [update]));
            }
            else
            {
                var drained = DrainedWork.Add(ctx, serving, node, at, ConcurrencyClasses.Nodes, [update], servedBefore, (needs, after) =>
                    steps.Add(at + "dependencies", dependencies, node.Name, ConcurrencyClasses.Nodes, needs: needs, after: after));
                servedBefore = [.. drained.Ended];
                ends.AddRange(drained.Ended);
            }
        }
        ends.AddRange(PuppetMasters(ctx, aptSources, disabled));
        return steps.Add("prepare/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: ends);
    }

    /// <summary>Why prepare's dependency upgrade leaves the services' packages as they are.</summary>
    public const string ServiceCodeReason =
        "packages of the node's OpenStack services, whose new code starts in each service's own steps, after its database schema " +
        "is expanded, never in prepare; remove from the catalog's dependencies what pulls them (a library whose new version needs " +
        "the new service code belongs with that service's packages)";

    /// <summary>The packages of the services this hop upgrades on the node, in the node's form (Debian's neutron-api and
    /// neutron-rpc-server for neutron-server).</summary>
    private static IReadOnlyList<string> ServiceCode(HopContext ctx, Node node) => ctx.PerRoles<IReadOnlyList<string>>("service-code", node,
        () => [.. NodeUpgrade.Packages(ctx.ServicesOn(node), node.Roles).Order(StringComparer.Ordinal)]);

    /// <summary>The dependency packages of the node's roles (catalog dependencies.yaml), space-separated.</summary>
    public static string Dependencies(HopContext ctx, Node node) => ctx.PerRoles("dependencies", node,
        () => string.Join(' ', node.Roles.SelectMany(ctx.Catalog.DependenciesOn).Distinct(StringComparer.Ordinal)));

    /// <summary>
    /// The puppet master moves to the target release first, once every agent is disabled (no agent applies the new
    /// release's manifests to a node still on the old one): its sources, a dist-upgrade, its puppet server restarted,
    /// the release named in its configuration (inventory puppet.release_file). The agents run again in "finalize",
    /// every node upgraded.
    /// </summary>
    private static IEnumerable<string> PuppetMasters(HopContext ctx, AptSourcesStep aptSources, List<string> disabled)
    {
        var steps = ctx.Steps;
        var puppet = ctx.Inventory.Puppet;
        foreach (var master in ctx.PuppetMasters)
        {
            ctx.Enter(Phases.Prepare, "puppet master, once every agent is disabled");
            var at = $"prepare/{master.Name}/";
            var last = steps.Add(at + AptSourcesStep.Name, aptSources, master.Name, ConcurrencyClasses.Nodes, needs: [.. disabled]);
            last = steps.Add(at + AptUpdateStep.Name, AptUpdateStep.Kind, master.Name, ConcurrencyClasses.Nodes, needs: [last]);
            last = steps.Add(at + DistUpgradeStep.Name, DistUpgradeStep.Kind, master.Name, ConcurrencyClasses.Nodes, needs: [last]);
            if (puppet.ReleaseFile is { } file)
            {
                last = steps.Add(at + "release-name", new ConfigSetStep(file, puppet.ReleaseSection, puppet.ReleaseOption, ctx.To.Series), master.Name,
                    ConcurrencyClasses.Nodes, needs: [last]);
            }
            yield return steps.Add(at + "restart-server", new UnitsRestartStep([puppet.ServerUnit]), master.Name, ConcurrencyClasses.Nodes, needs: [last]);
        }
    }
}
