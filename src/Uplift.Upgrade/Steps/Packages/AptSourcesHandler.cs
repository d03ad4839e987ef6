using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Points the node's APT at the target release: writes "line" into "sources-file" unless it is there already.</summary>
public sealed class AptSourcesHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) =>
        [Apt.WriteSources(AptSourcesStep.Read(step).SourcesFile, AptSourcesStep.Read(step).Line)];

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var sources = AptSourcesStep.Read(context.Step);
        var content = await context.RunCheckedAsync(node, Apt.ReadSources(sources.SourcesFile)).ConfigureAwait(false);
        return Apt.SourcesAreSet(content.StandardOutput, sources.Line);
    }

    protected override Task ActOnAsync(StepContext context, string node)
    {
        var sources = AptSourcesStep.Read(context.Step);
        return context.RunCheckedAsync(node, Apt.WriteSources(sources.SourcesFile, sources.Line));
    }

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
        {
            throw new StepFailedException($"on {node}: {AptSourcesStep.Read(context.Step).SourcesFile} does not hold the new line after writing it");
        }
    }
}
