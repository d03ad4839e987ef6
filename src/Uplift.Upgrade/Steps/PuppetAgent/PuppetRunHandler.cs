using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;

namespace Uplift.Upgrade.Steps.PuppetAgent;

/// <summary>
/// Runs the puppet agent once on a node after it was enabled again, when the inventory says puppet manages the nodes:
/// the node's configuration converges now, watched, not at the agent's next interval. Exit codes 0 and 2 succeed (the
/// changes are reported); 1, 4 and 6 fail the step with puppet's last lines. A node without puppet is left alone.
/// </summary>
public sealed class PuppetRunHandler : NodeStepHandler
{
    public override IReadOnlyList<string> Describe(PlanStep step) => [Puppet.Run];

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var result = await context.RunAsync(node, Puppet.Run).ConfigureAwait(false);
        if (result.ExitCode == 0 && result.StandardOutput.Trim() == "absent")
        {
            context.Report($"{node}: no puppet agent");
            return;
        }
        var (succeeded, meaning) = Puppet.RunMeaning(result.ExitCode);
        if (!succeeded)
        {
            var last = (result.StandardError + "\n" + result.StandardOutput).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(3);
            throw new StepFailedException($"on {node}: puppet agent --test: {meaning} (exit {result.ExitCode}): {string.Join(" / ", last)}", result);
        }
        context.Report($"{node}: puppet agent --test: {meaning}");
    }
}
