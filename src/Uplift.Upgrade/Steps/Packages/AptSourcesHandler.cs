using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Points the node's APT at the target release: writes "line" into "sources-file" unless it is there already.</summary>
public sealed class AptSourcesHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) =>
        [Apt.WriteSources(step.Argument("sources-file") ?? "FILE", step.Argument("line") ?? "LINE")];

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var content = await context.RunCheckedAsync(node, Apt.ReadSources(context.Require("sources-file"))).ConfigureAwait(false);
        return Apt.SourcesAreSet(content.StandardOutput, context.Require("line"));
    }

    protected override Task ActOnAsync(StepContext context, string node) =>
        context.RunCheckedAsync(node, Apt.WriteSources(context.Require("sources-file"), context.Require("line")));

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
        {
            throw new StepFailedException($"on {node}: {context.Require("sources-file")} does not hold the new line after writing it");
        }
    }
}
