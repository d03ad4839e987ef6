using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Exec;

/// <summary>Runs one command on the chosen nodes through a transport, <c>parallel</c> at a time (sliding window).</summary>
public static class ExecRun
{
    /// <returns>0 when every node succeeded, 1 otherwise.</returns>
    public static async Task<int> RunAsync(
        string script,
        TimeSpan? timeout,
        int parallel,
        IReadOnlyList<Node> nodes,
        ITransport transport,
        IExecView view,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var began = time.GetTimestamp();
        var command = new RemoteCommand(script, timeout);
        var window = new SlidingWindow(parallel, time);
        var results = await view.AroundAsync(async () =>
        {
            var outcomes = await window.RunAsync(
                nodes,
                (node, token) => transport.ShellFor(node).RunAsync(command, token),
                started: view.Started,
                finished: outcome => view.Finished(ExecNodeResult.From(outcome)),
                cancellationToken: cancellationToken);
            return outcomes.Select(ExecNodeResult.From).ToList();
        });
        view.Completed(script, results, time.GetElapsedTime(began));
        return results.All(r => r.Succeeded) ? 0 : 1;
    }
}
