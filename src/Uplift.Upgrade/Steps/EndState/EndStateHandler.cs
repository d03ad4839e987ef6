using Uplift.Execution;
using Uplift.Planning;
using Uplift.Upgrade.Observation;

namespace Uplift.Upgrade.Steps.EndState;

/// <summary>
/// Verifies a node's end state (<see cref="EndStateCheck"/>): it changes nothing, and it is looked at on every run, never
/// taken from the journal (the executor runs it again), so a run says "succeeded" only for what the nodes show.
/// </summary>
public sealed class EndStateHandler : NodeStepHandler, IStepHandler
{
    /// <summary>What the nodes run now is looked at on every run: the journal never stands for it.</summary>
    public bool LooksAgainEveryRun => true;

    public override IReadOnlyList<string> Describe(PlanStep step) => [.. EndStateCheck.Queries(step).Select(q => q + "   # read only")];

    protected override Task ActOnAsync(StepContext context, string node) => Task.CompletedTask;

    protected override async Task VerifyOnAsync(StepContext context, string node)
    {
        var results = await context.RunAllAsync(node, EndStateCheck.Queries(context.Step)).ConfigureAwait(false);
        IReadOnlyList<string> differences;
        try
        {
            differences = EndStateCheck.Differences(node, context.Step, results);
        }
        catch (FormatException bad)
        {
            throw new StepFailedException($"on {node}: {bad.Message}");
        }
        if (differences.Count > 0)
        {
            throw new StepFailedException($"the end state differs: {string.Join("; ", differences)}");
        }
        context.Report($"{node}: every service on {VerifyEndStateStep.Read(context.Step).Release}, every unit running its installed code");
        if (EndStateCheck.Leftovers(results) is { Count: > 0 } leftovers)
        {
            context.Report($"{node}: the packages left new default configuration beside the files in use; compare and merge: {string.Join(' ', leftovers)}");
        }
    }
}
