using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps;

/// <summary>
/// A handler that does the same on each of the step's nodes: the guard runs per node, and the action and its check
/// run only on the nodes the guard did not find done. Where the node can judge the guard itself
/// (<see cref="GuardedActionOn"/>), guard, action and check cost that node one round trip.
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

    /// <summary>
    /// Each node's guard, then the action and its check where it is not done. A node given a guarded action runs the
    /// three in one round trip; Uplift's own guard then reads the guard's result the node judged, and where the two
    /// disagree (the node found it done, Uplift does not), Uplift acts as it would have.
    /// </summary>
    public async Task<bool> CarryOutAsync(StepContext context)
    {
        var toAct = new List<string>();
        var acted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in context.Nodes)
        {
            if (GuardedActionOn(context.Step, node) is { } guarded && await context.RunGuardedAsync(node, guarded).ConfigureAwait(false))
            {
                acted.Add(node);
            }
            else if (!await IsDoneOnAsync(context, node).ConfigureAwait(false))
            {
                toAct.Add(node);
            }
        }
        foreach (var node in toAct)
        {
            await ActOnAsync(context, node).ConfigureAwait(false);
            acted.Add(node);
        }
        foreach (var node in context.Nodes.Where(acted.Contains))
        {
            await VerifyOnAsync(context, node).ConfigureAwait(false);
        }
        return acted.Count == 0;
    }

    /// <summary>The guard on one node; by default nothing is known to be done (the action is idempotent).</summary>
    protected virtual Task<bool> IsDoneOnAsync(StepContext context, string node) => Task.FromResult(false);

    protected abstract Task ActOnAsync(StepContext context, string node);

    protected virtual Task VerifyOnAsync(StepContext context, string node) => Task.CompletedTask;

    /// <summary>
    /// The guard, action and checks as one command the node carries out alone, when the node can judge the guard as
    /// <see cref="IsDoneOnAsync"/> does (its query's output is a done state or not) and the action is one command
    /// (<see cref="ActOnAsync"/>'s); null otherwise (the default).
    /// </summary>
    protected virtual GuardedAction? GuardedActionOn(PlanStep step, string node) => null;
}
