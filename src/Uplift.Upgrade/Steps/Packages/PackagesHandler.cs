using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>
/// Upgrades packages ("packages" argument). Dependencies: only those installed with a newer candidate.
/// Service packages: also those missing; a package apt has no candidate for fails the step (sources not switched?).
/// Done when nothing is left to install; checked again after installing.
/// </summary>
public sealed class PackagesHandler(bool installedOnly) : NodeStepHandler
{
    /// <summary>What the step brings up: a service's packages (with the major their code must have) or, for
    /// dependencies, the packages alone.</summary>
    private PackageTarget Target(PlanStep step) =>
        installedOnly ? new(DependenciesUpgradeStep.Read(step).Packages, null, new Dictionary<string, int>()) : PackagesInstallStep.Read(step).Target;

    public override IReadOnlyList<string> Describe(PlanStep step)
    {
        var packages = Target(step).Packages;
        var keep = Kept(step);
        return [.. PackageCheck.Queries(packages),
            .. keep.Count > 0 ? [AptSimulation.Install(packages) + $"   # refused if it would move {string.Join(' ', keep)}"] : Array.Empty<string>(),
            Apt.Install(packages) + "   # only those outdated"];
    }

    private IReadOnlyList<string> Kept(PlanStep step) => installedOnly ? DependenciesUpgradeStep.Read(step).Kept : PackagesInstallStep.Read(step).Kept;

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var todo = await ToInstallAsync(context, node).ConfigureAwait(false);
        context.Remember("todo:" + node, todo);
        return todo.Count == 0;
    }

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var todo = context.Fact<IReadOnlyList<string>>("todo:" + node) ?? await ToInstallAsync(context, node).ConfigureAwait(false);
        await RefuseMovingKeptAsync(context, node, todo).ConfigureAwait(false);
        context.Report($"{node}: installing {Named(todo)}");
        await context.RunCheckedAsync(node, Apt.Install(todo), then: PackageCheck.Queries(Target(context.Step).Packages)).ConfigureAwait(false);
    }

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        var left = await ToInstallAsync(context, node).ConfigureAwait(false);
        if (left.Count > 0)
        {
            throw new StepFailedException(
                $"on {node}: still not at the candidate version of the target release after apt-get install: {string.Join(' ', left)}");
        }
    }

    /// <summary>With packages to keep, apt is asked first what the install would unpack: one of them among it stops the
    /// step before anything changes.</summary>
    private async Task RefuseMovingKeptAsync(StepContext context, string node, IReadOnlyList<string> todo)
    {
        var keep = Kept(context.Step);
        if (keep.Count == 0 || todo.Count == 0)
        {
            return;
        }
        var simulated = await context.RunCheckedAsync(node, AptSimulation.Install(todo)).ConfigureAwait(false);
        var moving = AptSimulation.Parse(simulated.StandardOutput).Where(c => keep.Contains(c.Package)).ToList();
        if (moving.Count > 0)
        {
            var movingText = string.Join(", ", moving.Select(c => $"{c.Package} {c.From ?? "(new)"} → {c.To}"));
            throw new StepFailedException(installedOnly && DependenciesUpgradeStep.Read(context.Step).KeepReason is { } reason
                ? $"on {node}: installing {Named(todo)} would also move {movingText}: {reason} (nothing was installed)"
                : $"on {node}: installing {Named(todo)} would also move {movingText}, " +
                    "which this compute keeps as it is while its instances run (nothing was installed); plan again (the plan reads the " +
                    "hypervisor stack from the nodes and empties the computes whose stack moves), or run with --live-migrate");
        }
    }

    /// <summary>The packages a progress line names: all of a few; of a whole stack (a release's python3 libraries are
    /// hundreds), the count and the first ones. The node's /var/log/apt/history.log keeps every name.</summary>
    public static string Named(IReadOnlyList<string> packages, int shown = 12) =>
        packages.Count <= shown
            ? string.Join(' ', packages)
            : $"{packages.Count} packages: {string.Join(' ', packages.Take(shown))} … and {packages.Count - shown} more";

    private Task<IReadOnlyList<string>> ToInstallAsync(StepContext context, string node) =>
        PackageCheck.ToInstallAsync(context, node, Target(context.Step), installedOnly);
}
