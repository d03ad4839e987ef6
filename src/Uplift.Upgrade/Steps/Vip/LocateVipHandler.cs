using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.Vip;

/// <summary>
/// Asks Pacemaker (on the step's node) where the API VIP ("vip-resource") runs. The plan was built for the holder in
/// "expected-node": a VIP found elsewhere fails the step (plan again), since the drain order depends on it.
/// </summary>
public sealed class LocateVipHandler : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step) => [Pacemaker.Locate(LocateVipStep.Read(step).VipResource)];

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public async Task ActAsync(StepContext context)
    {
        var (resource, expected) = LocateVipStep.Read(context.Step);
        var node = context.Nodes[0];
        var result = await context.RunCheckedAsync(node, Pacemaker.Locate(resource)).ConfigureAwait(false);
        var holders = Pacemaker.ParseLocate(resource, result.StandardOutput);
        if (holders.Count == 0)
        {
            throw new StepFailedException($"{resource} is not running on any node (asked on {node}); start it before upgrading", result);
        }
        context.Report($"{resource} is on {string.Join(", ", holders)}");
        if (expected is not null && !holders.Contains(expected))
        {
            throw new StepFailedException(
                $"{resource} runs on {string.Join(", ", holders)}, but the plan was made with {expected} as VIP holder: plan again (or move the VIP back to {expected})", result);
        }
    }

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;
}
