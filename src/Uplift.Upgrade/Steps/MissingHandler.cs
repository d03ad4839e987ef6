using Uplift.Execution;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Database;

namespace Uplift.Upgrade.Steps;

/// <summary>
/// Stands for a kind whose handler needs what this run lacks (the OpenStack APIs, a state directory for backups): the
/// step fails saying so (<see cref="StepTable"/>). A step that carries a "command" still runs as a plain command step.
/// </summary>
public sealed class MissingHandler(string what) : IStepHandler
{
    private readonly CommandStepHandler _command = new();

    public IReadOnlyList<string> Describe(PlanStep step) =>
        step.Argument("command") is not null ? _command.Describe(step) : [$"({what}: {Arguments(step)})"];

    public Task<bool> IsDoneAsync(StepContext context) =>
        context.Step.Argument("command") is not null ? _command.IsDoneAsync(context) : Task.FromResult(false);

    public Task ActAsync(StepContext context) =>
        context.Step.Argument("command") is not null
            ? _command.ActAsync(context)
            : throw new StepFailedException($"step {context.Step.Id}: no handler for {context.Step.Kind} in this build ({what})");

    public Task VerifyAsync(StepContext context) =>
        context.Step.Argument("command") is not null ? _command.VerifyAsync(context) : Task.CompletedTask;

    private static string Arguments(PlanStep step) => string.Join(" ", step.Arguments.Select(a => $"{a.Key}={a.Value}"));
}
