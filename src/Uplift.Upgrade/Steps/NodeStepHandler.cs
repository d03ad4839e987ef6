using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps;

/// <summary>
/// A handler that does the same on each of the step's nodes: the guard runs per node, and the action and its check
/// run only on the nodes the guard did not find done.
/// </summary>
public abstract class NodeStepHandler : IStepHandler
{
    private const string DoneKey = "done-on:";

    public abstract IReadOnlyList<string> Describe(PlanStep step);

    public async Task<bool> IsDoneAsync(StepContext context)
    {
        var all = true;
        foreach (var node in context.Nodes)
        {
            if (await IsDoneOnAsync(context, node).ConfigureAwait(false))
            {
                context.Remember(DoneKey + node, node);
            }
            else
            {
                all = false;
            }
        }
        return all;
    }

    public async Task ActAsync(StepContext context)
    {
        foreach (var node in context.Nodes.Where(n => context.Fact<string>(DoneKey + n) is null))
        {
            await ActOnAsync(context, node).ConfigureAwait(false);
        }
    }

    public async Task VerifyAsync(StepContext context)
    {
        foreach (var node in context.Nodes.Where(n => context.Fact<string>(DoneKey + n) is null))
        {
            await VerifyOnAsync(context, node).ConfigureAwait(false);
        }
    }

    /// <summary>The guard on one node; by default nothing is known to be done (the action is idempotent).</summary>
    protected virtual Task<bool> IsDoneOnAsync(StepContext context, string node) => Task.FromResult(false);

    protected abstract Task ActOnAsync(StepContext context, string node);

    protected virtual Task VerifyOnAsync(StepContext context, string node) => Task.CompletedTask;
}
