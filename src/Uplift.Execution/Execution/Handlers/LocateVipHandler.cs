using Uplift.Adapters;
using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>
/// Asks Pacemaker where the API VIP ("vip-resource") runs. When the step names one node, the plan was built for that
/// holder: a VIP found elsewhere fails the step (re-plan), since the drain order depends on it.
/// </summary>
public sealed class LocateVipHandler : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step) => [Pacemaker.Locate(step.Argument("vip-resource") ?? "VIP")];

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var resource = context.Require("vip-resource");
        var node = context.Nodes[0];
        var result = await context.RunCheckedAsync(node, Pacemaker.Locate(resource)).ConfigureAwait(false);
        var holders = Pacemaker.ParseLocate(resource, result.StandardOutput);
        if (holders.Count == 0)
        {
            throw new StepFailedException($"{resource} is not running on any node (asked on {node}); start it before upgrading", result);
        }
        context.Report($"{resource} is on {string.Join(", ", holders)}");
        if (context.Step.Nodes.Count == 1 && !holders.Contains(node))
        {
            throw new StepFailedException($"{resource} moved to {string.Join(", ", holders)}; the plan was made for {node}: plan again", result);
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;
}
