using Uplift.Catalog;
using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>
/// Points the node's APT at the target release: writes "content" into "sources-file", {codename} filled with the node's
/// own Debian codename, and removes the earlier releases' files ("replaces"); done when the file holds it and none of
/// those is left.
/// </summary>
public sealed class AptSourcesHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step)
    {
        var sources = AptSourcesStep.Read(step);
        return [Apt.ReadCodename + "   # fills {codename}", Apt.WriteSources(sources.SourcesFile, sources.Content, sources.Replaced)];
    }

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var (sources, codename) = await ReadAsync(context, node).ConfigureAwait(false);
        var content = await context.RunCheckedAsync(node, Apt.ReadSources(sources.SourcesFile)).ConfigureAwait(false);
        if (!Apt.SourcesAreSet(content.StandardOutput, Filled(sources.Content, codename)))
        {
            return false;
        }
        var replaced = Filled(sources.Replaced, codename);
        return replaced.Count == 0 || (await context.RunCheckedAsync(node, Apt.Existing(replaced)).ConfigureAwait(false)).StandardOutput.Trim().Length == 0;
    }

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var (sources, codename) = await ReadAsync(context, node).ConfigureAwait(false);
        context.Report($"{node} ({codename}): {sources.SourcesFile}" + (sources.Replaced.Count > 0 ? $", replacing {string.Join(' ', Filled(sources.Replaced, codename))}" : ""));
        await context.RunCheckedAsync(node, Apt.WriteSources(sources.SourcesFile, Filled(sources.Content, codename), Filled(sources.Replaced, codename)))
            .ConfigureAwait(false);
    }

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
        {
            throw new StepFailedException($"on {node}: {AptSourcesStep.Read(context.Step).SourcesFile} does not hold the new sources, " +
                "or an earlier release's file is still there, after writing them");
        }
    }

    /// <summary>The step and the node's codename (read once per step and node).</summary>
    private static async Task<(AptSourcesStep Sources, string Codename)> ReadAsync(StepContext context, string node)
    {
        var sources = AptSourcesStep.Read(context.Step);
        if (context.Fact<string>("codename:" + node) is { } known)
        {
            return (sources, known);
        }
        var codename = (await context.RunCheckedAsync(node, Apt.ReadCodename).ConfigureAwait(false)).StandardOutput.Trim();
        if (codename.Length == 0 || codename.Any(c => !char.IsAsciiLetterLower(c)))
        {
            throw new StepFailedException($"on {node}: /etc/os-release gives no Debian codename (VERSION_CODENAME '{codename}'), which the APT sources need; " +
                "nothing was changed");
        }
        context.Remember("codename:" + node, codename);
        return (sources, codename);
    }

    public static string Filled(string template, string codename) => template.Replace(AptSettings.Codename, codename, StringComparison.Ordinal);

    private static List<string> Filled(IReadOnlyList<string> templates, string codename) => [.. templates.Select(t => Filled(t, codename))];
}
