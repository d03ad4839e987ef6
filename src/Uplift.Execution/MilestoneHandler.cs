using Uplift.Planning;

namespace Uplift.Execution;

/// <summary>A barrier: nothing to do, done as soon as what it follows is done.</summary>
public sealed class MilestoneHandler : IStepHandler
{
    public IReadOnlyList<string> Describe(PlanStep step) => [];

    public Task<bool> IsDoneAsync(StepContext context) => Task.FromResult(false);

    public Task ActAsync(StepContext context) => Task.CompletedTask;

    public Task VerifyAsync(StepContext context) => Task.CompletedTask;
}
