using Uplift.Adapters;
using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>
/// Stops (+disable, mask), starts (unmask, enable, start) or restarts the step's "units", in their order. A stop step may
/// carry the service's "packages": its guard then also finds it done when the units already run the new packages.
/// </summary>
public sealed class UnitsHandler(StepKind kind) : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) => [Command(ShellQuote.Split(step.Argument("units")))];

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        if (kind == StepKind.UnitsRestart)
        {
            return false;
        }
        var states = await QueryAsync(context, node).ConfigureAwait(false);
        if (kind != StepKind.UnitsStop)
        {
            return states.All(s => s.IsRunningAndEnabled);
        }
        if (states.All(s => s.IsStoppedAndMasked))
        {
            return true;
        }
        // Units already running the new code need no stop: with the service's "packages" on the step, running units
        // whose packages are all at their candidate mean this node was upgraded already (a fresh plan after a finished run).
        var packages = ShellQuote.Split(context.Step.Argument("packages"));
        return packages.Count > 0 && states.All(s => s.IsRunningAndEnabled) &&
            (await PackageCheck.ToInstallAsync(context, node, packages, installedOnly: false).ConfigureAwait(false)).Count == 0;
    }

    protected override Task ActOnAsync(StepContext context, string node) =>
        context.RunCheckedAsync(node, Command(ShellQuote.Split(context.Require("units"))));

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        var states = await QueryAsync(context, node).ConfigureAwait(false);
        var wrong = kind == StepKind.UnitsStop ? states.Where(s => s.IsActive) : states.Where(s => !s.IsActive);
        if (wrong.Any())
        {
            throw new StepFailedException(
                $"on {node}: {string.Join(", ", wrong.Select(s => $"{s.Unit} is {s.Active}"))} after {kind}; see journalctl -u {wrong.First().Unit} on the node");
        }
    }

    private string Command(IReadOnlyList<string> units) => kind switch
    {
        StepKind.UnitsStop => Systemd.StopDisableMask(units),
        StepKind.UnitsStart => Systemd.UnmaskEnableStart(units),
        _ => Systemd.Restart(units),
    };

    private static async Task<IReadOnlyList<UnitState>> QueryAsync(StepContext context, string node)
    {
        var units = ShellQuote.Split(context.Require("units"));
        var result = await context.RunAsync(node, Systemd.Query(units)).ConfigureAwait(false);
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
