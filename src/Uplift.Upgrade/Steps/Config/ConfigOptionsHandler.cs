using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>
/// Reports config options the target release renames or removes that are still set on a node ("options":
/// "file|section|option|replacement" entries separated by ';'). Only a report: a removed option is ignored by the new
/// release and a renamed one usually still read under its old name for a cycle, so the operator decides.
/// </summary>
public sealed class ConfigOptionsHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) =>
        Entries(step).Select(e => IniOption.Get(e.File, e.Section, e.Option)).ToList();

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        foreach (var (file, section, option, replacement) in Entries(context.Step))
        {
            var result = await context.RunAsync(node, IniOption.Get(file, section, option)).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                context.Report(replacement.Length > 0
                    ? $"{node}: {file} [{section}] {option} is set; the target release reads {replacement} instead"
                    : $"{node}: {file} [{section}] {option} is set; the target release removes it");
            }
        }
    }

    private static IReadOnlyList<RetiredOption> Entries(PlanStep step) => CheckConfigOptionsStep.Read(step).Options;
}
