using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.PuppetAgent;

/// <summary>Disables puppet (agent lock with a reason, unit stopped and masked) or enables it again.</summary>
public sealed class PuppetHandler(bool disable) : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) => [Command(step)];

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var result = await context.RunAsync(node, Puppet.Query).ConfigureAwait(false);
        try
        {
            return Puppet.IsSettled(result.StandardOutput, disable);
        }
        catch (FormatException bad)
        {
            throw new StepFailedException($"on {node}: {bad.Message}", result);
        }
    }

    protected override Task ActOnAsync(StepContext context, string node) => context.RunCheckedAsync(node, Command(context.Step));

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
        {
            throw new StepFailedException($"on {node}: the puppet agent is not {(disable ? "disabled (or its unit still runs)" : "enabled")} after {context.Step.Kind}");
        }
    }

    private string Command(PlanStep step) => disable ? Puppet.Disable(PuppetDisableStep.Read(step).Reason) : Puppet.Enable;
}
