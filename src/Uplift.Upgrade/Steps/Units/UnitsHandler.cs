using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Upgrade.Steps.Units;

/// <summary>
/// Stops (+disable, mask), starts (unmask, enable, start) or restarts the step's "units", in their order. A stop step may
/// carry the service's "packages": its guard then also finds it done when the units already run the new packages.
/// </summary>
public sealed class UnitsHandler(StepKind kind) : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) => [Command(UnitsOf(step))];

    /// <summary>The step's units, read by its own kind's record.</summary>
    private IReadOnlyList<string> UnitsOf(PlanStep step) =>
        kind == UnitsStopStep.Kind ? UnitsStopStep.Read(step).Units
        : kind == UnitsStartStep.Kind ? UnitsStartStep.Read(step).Units
        : UnitsRestartStep.Read(step).Units;

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        if (kind == UnitsRestartStep.Kind)
        {
            return false;
        }
        // A stop step with the service's "packages" also asks dpkg and apt, in the same round trip: units already
        // running the new code need no stop (a fresh plan after a finished run): running units whose packages are
        // all at their candidate mean this node was upgraded already.
        var units = UnitsOf(context.Step);
        var target = kind == UnitsStopStep.Kind ? UnitsStopStep.Read(context.Step).Target : null;
        var results = await context.RunAllAsync(node, [Systemd.Query(units), .. target is not null ? PackageCheck.Queries(target.Packages) : []])
            .ConfigureAwait(false);
        var states = Parse(node, units, results[0]);
        if (kind != UnitsStopStep.Kind)
        {
            return states.All(s => s.IsRunningAndEnabled);
        }
        if (states.All(s => s.IsStoppedAndMasked))
        {
            return true;
        }
        return target is not null && states.All(s => s.IsRunningAndEnabled) &&
            PackageCheck.ToInstall(node, target.Packages, installedOnly: false, results[1], results[2], target.Code).Count == 0;
    }

    /// <summary>A start, or a stop without the packages' check (which only Uplift can judge), is folded with its guard
    /// and check: one round trip.</summary>
    protected override GuardedAction? GuardedActionOn(PlanStep step, string node)
    {
        if (kind == UnitsRestartStep.Kind || (kind == UnitsStopStep.Kind && UnitsStopStep.Read(step).Target is not null))
        {
            return null;
        }
        var units = UnitsOf(step);
        var done = kind == UnitsStopStep.Kind
            ? Systemd.QueryShows(units, UnitState.Stopped, UnitState.Masked)
            : Systemd.QueryShows(units, UnitState.Running, UnitState.Enabling);
        return new GuardedAction(Systemd.Query(units), done, Command(units), [Systemd.Query(units)]);
    }

    protected override Task ActOnAsync(StepContext context, string node)
    {
        var units = UnitsOf(context.Step);
        return context.RunCheckedAsync(node, Command(units), then: [Systemd.Query(units)]);
    }

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        var states = await QueryAsync(context, node).ConfigureAwait(false);
        var wrong = kind == UnitsStopStep.Kind ? states.Where(s => s.IsActive) : states.Where(s => !s.IsActive);
        if (wrong.Any())
        {
            throw new StepFailedException(
                $"on {node}: {string.Join(", ", wrong.Select(s => $"{s.Unit} is {s.Active}"))} after {kind}; see journalctl -u {wrong.First().Unit} on the node");
        }
    }

    private string Command(IReadOnlyList<string> units) =>
        kind == UnitsStopStep.Kind ? Systemd.StopDisableMask(units)
        : kind == UnitsStartStep.Kind ? Systemd.UnmaskEnableStart(units)
        : Systemd.Restart(units);

    private async Task<IReadOnlyList<UnitState>> QueryAsync(StepContext context, string node)
    {
        var units = UnitsOf(context.Step);
        return Parse(node, units, await context.RunAsync(node, Systemd.Query(units)).ConfigureAwait(false));
    }

    private static IReadOnlyList<UnitState> Parse(string node, IReadOnlyList<string> units, CommandResult result)
    {
        try
        {
            return Systemd.ParseQuery(units, result.StandardOutput);
        }
        catch (FormatException bad)
        {
            throw new StepFailedException($"on {node}: {bad.Message}", result);
        }
    }
}
