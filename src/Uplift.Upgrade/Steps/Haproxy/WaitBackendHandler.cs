using Uplift.Execution;
using Uplift.Planning;
using Uplift.Timing;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>
/// Waits until an API answers on its own "address" and "port" (any HTTP reply, asked from the node itself) before
/// HAProxy sends it traffic again; fails after "timeout" seconds (default 120).
/// </summary>
public sealed class WaitBackendHandler : NodeStepHandler
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(1);

    public static string Probe(string address, int port) =>
        $"curl -s -o /dev/null --max-time 2 http://{(address.Contains(':') ? "[" + address + "]" : address)}:{port}/";

    public override IReadOnlyList<string> Describe(PlanStep step) =>
        [Probe(WaitBackendStep.Read(step).Address, WaitBackendStep.Read(step).Port) + "   # until it answers"];

    protected override async Task ActOnAsync(StepContext context, string node)
    {
        var backend = WaitBackendStep.Read(context.Step);
        var probe = Probe(backend.Address, backend.Port);
        var timeout = TimeSpan.FromSeconds(backend.TimeoutSeconds);
        var until = context.Time.GetUtcNow() + timeout;
        for (var attempt = 0; ; attempt++)
        {
            var result = await context.RunAsync(node, probe).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return;
            }
            if (context.Time.GetUtcNow() >= until)
            {
                throw new StepFailedException(
                    $"{backend.Address}:{backend.Port} did not answer within {timeout.TotalSeconds:0} s (curl exit {result.ExitCode}); check the service's log on {node}", result);
            }
            await Task.Delay(PollBackoff.After(attempt, Ceiling), context.Time, context.Abort).ConfigureAwait(false);
        }
    }
}
