using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Transports;

namespace Uplift.Upgrade.Steps.Nodes;

/// <summary>
/// Reboots a node in its own window when its packages need it (<see cref="Reboot"/>: /run/reboot-required, or a kernel
/// newer than the running one), then waits until it is back: reachable with a new boot id (up to "timeout" seconds,
/// default 900), and booted with no failed unit (systemctl is-system-running). A node that needs no reboot is left alone
/// (already done: nothing changed).
/// </summary>
public sealed class NodeRebootHandler : NodeStepHandler
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public override IReadOnlyList<string> Describe(PlanStep step) =>
        [Reboot.Query, Reboot.Start + "   # only when required", $"{Reboot.BootId}   # until it changes", Reboot.WaitUntilBooted];

    protected override async Task<bool> IsDoneOnAsync(StepContext context, string node)
    {
        var (bootId, why) = await QueryAsync(context, node).ConfigureAwait(false);
        if (why is null)
        {
            context.Report($"{node}: no reboot required");
            return true;
        }
        context.Remember("boot:" + node, bootId);
        context.Report($"{node}: reboot required: {why}");
        return false;
    }

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var before = context.Fact<string>("boot:" + node) ?? (await QueryAsync(context, node).ConfigureAwait(false)).BootId;
        var started = context.Time.GetUtcNow();
        await context.RunCheckedAsync(node, Reboot.Start).ConfigureAwait(false);
        var timeout = TimeSpan.FromSeconds(NodeRebootStep.Read(context.Step).TimeoutSeconds);
        while (true)
        {
            await Task.Delay(Interval, context.Time, context.Abort).ConfigureAwait(false);
            // Straight on the shell: while the node reboots it is unreachable, which is expected here, not a failure.
            var id = await context.ShellFor(node).RunAsync(new RemoteCommand(Reboot.BootId, TimeSpan.FromSeconds(30)), context.Abort).ConfigureAwait(false);
            if (id.Succeeded && id.StandardOutput.Trim() is { Length: > 0 } now && now != before)
            {
                break;
            }
            if (context.Time.GetUtcNow() - started >= timeout)
            {
                throw new StepFailedException($"{node} is not back from its reboot after {timeout.TotalSeconds:0} s " +
                    (id.Succeeded ? "(it answers with the same boot id: it did not reboot)" : $"(unreachable: {id.StandardError.Trim()})") +
                    "; look at its console, then resume");
            }
        }
        var booted = await context.RunAsync(node, Reboot.WaitUntilBooted, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        var state = booted.StandardOutput.Trim();
        if (state != "running")
        {
            var failed = await context.RunAsync(node, Reboot.FailedUnits).ConfigureAwait(false);
            throw new StepFailedException($"{node} rebooted but its system is {(state.Length > 0 ? state : "not up")}: failed units: " +
                $"{string.Join(", ", failed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).DefaultIfEmpty("none listed"))}; " +
                "fix them (journalctl -b -u UNIT), then resume");
        }
        context.Report($"{node}: rebooted and back in {(context.Time.GetUtcNow() - started).TotalSeconds:0} s, every unit started");
    }

    protected override Task VerifyOnAsync(StepContext context, string node) => Task.CompletedTask;

    private static async Task<(string BootId, string? Why)> QueryAsync(StepContext context, string node)
    {
        var result = await context.RunCheckedAsync(node, Reboot.Query).ConfigureAwait(false);
        try
        {
            return Reboot.Read(result.StandardOutput);
        }
        catch (FormatException bad)
        {
            throw new StepFailedException($"on {node}: {bad.Message}", result);
        }
    }
}
