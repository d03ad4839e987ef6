using Uplift.Adapters;
using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>Disables puppet (agent lock with a reason, unit stopped and masked) or enables it again.</summary>
public sealed class PuppetHandler(bool disable) : NodeStepHandler
{
    private const string DefaultReason = "uplift: OpenStack upgrade in progress";

    public override IReadOnlyList<string> Describe(PlanStep step) => [Command(step)];

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var result = await context.RunAsync(node, Puppet.Query).ConfigureAwait(false);
        if (Puppet.IsAbsent(result.StandardOutput))
        {
            return true;
        }
        var unit = Systemd.ParseQuery([Puppet.Unit], result.StandardOutput)[0];
        return disable ? unit.IsStoppedAndMasked : unit.IsRunningAndEnabled;
    }

    protected override Task ActOnAsync(StepContext context, string node) => context.RunCheckedAsync(node, Command(context.Step));

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
        {
            throw new StepFailedException($"on {node}: the puppet unit is not {(disable ? "stopped and masked" : "running")} after {context.Step.Kind}");
        }
    }

    private string Command(PlanStep step) => disable ? Puppet.Disable(step.Argument("reason") ?? DefaultReason) : Puppet.Enable;
}
