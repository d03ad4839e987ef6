using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Config;

/// <summary>
/// Reports config options the target release renames or removes that are still set on a node ("options":
/// "file|section|option|replacement" entries separated by ';'). Only a report: a removed option is ignored by the new
/// release and a renamed one usually still read under its old name for a cycle, so the operator decides. One that the
/// new release's service does not start with fails the step, before anything is changed.
/// </summary>
public sealed class ConfigOptionsHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) =>
        Entries(step).Select(e => IniOption.Get(e.File, e.Section, e.Option)).ToList();

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var stopping = new List<string>();
        foreach (var (file, section, option, replacement, stops) in Entries(context.Step))
        {
            var result = await context.RunAsync(node, IniOption.Get(file, section, option)).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                continue;
            }
            if (stops.Length > 0)
            {
                stopping.Add($"{file} [{section}] {option} is set: {stops}");
            }
            else
            {
                context.Report(replacement.Length > 0
                    ? $"{node}: {file} [{section}] {option} is set; the target release reads {replacement} instead"
                    : $"{node}: {file} [{section}] {option} is set; the target release removes it");
            }
        }
        if (stopping.Count > 0)
        {
            throw new StepFailedException($"on {node}: the target release's services would not start: {string.Join("; ", stopping)}; " +
                "change the configuration (nothing was changed by Uplift), then resume");
        }
    }

    private static IReadOnlyList<RetiredOption> Entries(PlanStep step) => CheckConfigOptionsStep.Read(step).Options;
}
