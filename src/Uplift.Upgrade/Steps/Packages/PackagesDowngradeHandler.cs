using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>
/// A rollback's packages: each of "packages" installed at a version newer than the highest its repositories offer (the old
/// release's, switched back before) goes back to that version (apt-get install --allow-downgrades name=version). Packages
/// not installed, or no newer than offered, are left. Done when none is left; checked again after.
/// </summary>
public sealed class PackagesDowngradeHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step)
    {
        var packages = PackagesDowngradeStep.Read(step).Target.Packages;
        return [AptCachePolicy.Command(packages), Apt.Downgrade(packages.Select(p => (p, "VERSION"))) + "   # only those newer than the repository offers"];
    }

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node) => (await TargetsAsync(context, node).ConfigureAwait(false)).Count == 0;

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var targets = await TargetsAsync(context, node).ConfigureAwait(false);
        context.Report($"{node}: back to {string.Join(' ', targets.Select(t => $"{t.Package}={t.Version}"))}");
        await context.RunCheckedAsync(node, Apt.Downgrade(targets)).ConfigureAwait(false);
    }

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        var left = await TargetsAsync(context, node).ConfigureAwait(false);
        if (left.Count > 0)
        {
            throw new StepFailedException($"on {node}: still newer than the {PackagesDowngradeStep.Read(context.Step).Target.Release} repository offers after apt-get install: " +
                string.Join(' ', left.Select(t => t.Package)));
        }
    }

    private static async Task<IReadOnlyList<(string Package, string Version)>> TargetsAsync(StepContext context, string node)
    {
        var result = await context.RunCheckedAsync(node, AptCachePolicy.Command(PackagesDowngradeStep.Read(context.Step).Target.Packages)).ConfigureAwait(false);
        return Targets(AptCachePolicy.Parse(result.StandardOutput));
    }

    /// <summary>Each installed package whose installed version no repository offers any more (only /var/lib/dpkg/status
    /// lists it: it came from the release rolled back) and is above every version offered, with the highest offered. A
    /// package whose installed version a repository still offers (a security update from Debian's archive) is left. Pure.</summary>
    public static IReadOnlyList<(string Package, string Version)> Targets(IReadOnlyList<PackagePolicy> policies) =>
        [.. policies
            .Where(p => p.Installed is not null && !p.Offered.Contains(p.Installed))
            .Select(p => (p.Name, Installed: p.Installed!, Offered: p.Offered.OrderByDescending(v => v, Comparer<string>.Create(DebianVersion.Compare)).FirstOrDefault()))
            .Where(p => p.Offered is not null && DebianVersion.Compare(p.Offered, p.Installed) < 0)
            .Select(p => (p.Name, p.Offered!))];
}
