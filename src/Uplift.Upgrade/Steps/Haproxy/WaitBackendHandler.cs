using Uplift.Execution;
using Uplift.Planning;
using Uplift.Timing;

namespace Uplift.Upgrade.Steps.Haproxy;

/// <summary>
/// Waits until an API answers on its own "address" and "port" (asked from the node itself) as HAProxy's health check
/// wants it, a 2xx or 3xx status (HAProxy's configuration manual, "http-check expect": by default only 2xx and 3xx are
/// valid), before HAProxy sends it traffic again; fails after "timeout" seconds (default 120), saying the last status.
/// A 5xx is a service that runs but fails (a uwsgi app that did not load answers 500).
/// </summary>
public sealed class WaitBackendHandler : NodeStepHandler
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(1);

    public static string Probe(string address, int port) =>
        $"curl -s -o /dev/null -w '%{{http_code}}' --max-time 2 http://{(address.Contains(':') ? "[" + address + "]" : address)}:{port}/";

    /// <summary>What a probe saw: null when HAProxy would count the answer healthy, else what it was.</summary>
    public static string? Unhealthy(int curlExit, string status) =>
        curlExit != 0 ? $"curl exit {curlExit}"
        : status.Trim() is { Length: 3 } code && (code[0] == '2' || code[0] == '3') ? null
        : $"HTTP status {status.Trim()}";

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
            if (Unhealthy(result.ExitCode, result.StandardOutput) is not { } seen)
            {
                return;
            }
            if (context.Time.GetUtcNow() >= until)
            {
                throw new StepFailedException(
                    $"{backend.Address}:{backend.Port} did not answer healthy (2xx or 3xx, as HAProxy's check wants) within {timeout.TotalSeconds:0} s " +
                    $"(last: {seen}); check the service's log on {node}", result);
            }
            await Task.Delay(PollBackoff.After(attempt, Ceiling), context.Time, context.Abort).ConfigureAwait(false);
        }
    }
}
