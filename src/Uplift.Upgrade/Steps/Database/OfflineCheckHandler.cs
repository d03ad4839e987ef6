using Uplift.Catalog;
using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Database;

/// <summary>
/// Asks whether the schema contract must run offline (neutron-db-manage has_offline_migrations). Both answers succeed:
/// its exit code, kept in the journal, decides the offline window's steps (<see cref="StepCondition"/>). Changes nothing.
/// </summary>
public sealed class OfflineCheckHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) => [StepCommand.Read(step).Command + "   # read only"];

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var (command, codes) = DatabaseOfflineCheckStep.Read(context.Step).Command;
        var result = await context.RunAsync(node, command).ConfigureAwait(false);
        var service = context.Step.Service ?? "the service";
        switch (codes?.Meaning(result.ExitCode) ?? ExitMeaning.Failure)
        {
            case ExitMeaning.Done:
                context.Report($"no offline contract pending: the {service} servers stay up");
                return;
            case ExitMeaning.ContractNeeded:
                context.Report($"offline contract pending: every {service} server stops for it (a planned {service} API outage)");
                return;
            default:
                throw new StepFailedException($"on {node}: '{command}' failed (exit {result.ExitCode}): " +
                    (result.StandardError + "\n" + result.StandardOutput).Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0), result);
        }
    }
}
