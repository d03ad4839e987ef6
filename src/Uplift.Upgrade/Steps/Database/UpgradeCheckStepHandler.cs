using Uplift.Database;
using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>
/// The plan's `&lt;service&gt;-status upgrade check` steps, read as oslo.upgradecheck prints them (table or JSON): every
/// warning is reported and the run goes on; a failure (or a crash) fails the step with each failing check's name and
/// details, so the operator reads what to fix (pre-flight runs before anything changes).
/// </summary>
public sealed class UpgradeCheckStepHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) => [UpgradeCheckStep.Read(step).Command.Command];

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var command = UpgradeCheckStep.Read(context.Step).Command.Command;
        var result = await context.RunAsync(node, command).ConfigureAwait(false);
        UpgradeCheckReport report;
        try
        {
            report = UpgradeCheckParser.Parse(result.StandardOutput + (result.ExitCode > 2 ? result.StandardError : ""), result.ExitCode);
        }
        catch (FormatException e)
        {
            throw new StepFailedException($"on {node}: the output of '{command}' (exit {result.ExitCode}) is not an upgrade check report: {e.Message}", result);
        }
        foreach (var warning in report.Warnings)
        {
            context.Report($"{node}: {command}: warning: {warning.Name}{(warning.Details is null ? "" : ": " + warning.Details)}");
        }
        if (!report.MayProceed)
        {
            throw new StepFailedException(
                $"on {node}: '{command}' reports the upgrade cannot go on (exit {result.ExitCode}): {string.Join("; ", report.Describe().Where(l => !l.StartsWith("Warning", StringComparison.Ordinal)))}; " +
                (context.Step.Phase == Phases.Preflight ? "fix it, then run again (pre-flight changed nothing)" : "fix it, then uplift resume"), result);
        }
    }
}
