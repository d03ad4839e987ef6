using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>
/// Carries out one kind of step (or a family of kinds). The executor calls <see cref="CarryOutAsync"/>: the guard
/// (<see cref="IsDoneAsync"/>), and only when it says no, <see cref="ActAsync"/> then <see cref="VerifyAsync"/>. Failures are thrown as
/// <see cref="StepFailedException"/>. Handlers hold no state between steps: everything comes from the step's
/// arguments and the nodes.
/// </summary>
public interface IStepHandler
{
    /// <summary>True for a read-only check whose answer the journal must never stand for (an end-state check: what the
    /// nodes run now is looked at on every run).</summary>
    bool LooksAgainEveryRun => false;

    /// <summary>The commands the step runs on each of its nodes, for --dry-run: built from the arguments alone.</summary>
    IReadOnlyList<string> Describe(PlanStep step);

    /// <summary>The guard: true when the step's work is already done on every node (nothing will be changed).</summary>
    Task<bool> IsDoneAsync(StepContext context);

    Task ActAsync(StepContext context);

    /// <summary>Checks the action had its effect (a unit is active, a package at its candidate).</summary>
    Task VerifyAsync(StepContext context);

    /// <summary>Guard, then action and check unless the guard found the work done: true when it did (nothing was
    /// changed). A handler may do the three in fewer round trips (<see cref="GuardedAction"/>), never with another outcome.</summary>
    Task<bool> CarryOutAsync(StepContext context) => GuardActVerifyAsync(this, context);

    /// <summary>The guard, then the action and its check if the guard said no, each in its own round trips.</summary>
    static async Task<bool> GuardActVerifyAsync(IStepHandler handler, StepContext context)
    {
        if (await handler.IsDoneAsync(context).ConfigureAwait(false))
        {
            return true;
        }
        await handler.ActAsync(context).ConfigureAwait(false);
        await handler.VerifyAsync(context).ConfigureAwait(false);
        return false;
    }
}
