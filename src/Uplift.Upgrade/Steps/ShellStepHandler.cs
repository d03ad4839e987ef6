using Uplift.Execution;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps;

/// <summary>A step that is one idempotent command per node, without a guard (apt-get update, node standby).</summary>
/// <param name="command">Builds the command from the step and the node it runs on.</param>
public sealed class ShellStepHandler(Func<PlanStep, string, string> command) : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) => [command(step, step.Node ?? "NODE")];

    protected override Task ActOnAsync(StepContext context, string node) => context.RunCheckedAsync(node, command(context.Step, node));
}
