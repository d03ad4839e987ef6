using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// Reads what every node runs, in one round trip per node (dpkg-query and the machine id as one batch), many nodes at
/// once. Read-only.
/// </summary>
public sealed class ClusterObserver(Func<Node, IRemoteShell> shells, int width = 24)
{
    public async Task<ClusterObservation> ObserveAsync(
        IReadOnlyList<Node> nodes, IReadOnlyList<ServiceDefinition> services, OpenStackCatalog catalog, CancellationToken cancel = default)
    {
        var outcomes = await new SlidingWindow(width).RunAsync(nodes, async (node, token) =>
        {
            var code = ReleaseDetection.CodeOn(node, services, catalog);
            var alternatives = ReleaseDetection.AlternativesOn(node, services);
            var batch = new CommandBatch(ReleaseDetection.Queries(code, alternatives), stopAfterFailure: false);
            var whole = await shells(node).RunAsync(new RemoteCommand(batch.Script, TimeSpan.FromSeconds(60)), token).ConfigureAwait(false);
            if (whole.Unreachable || whole.TimedOut)
            {
                throw new ObservationFailedException(whole.Unreachable ? $"unreachable: {whole.StandardError.Trim()}" : "timed out after 60 s");
            }
            var parts = batch.Split(whole);
            if (parts.Count < batch.Parts.Count)
            {
                throw new ObservationFailedException($"the connection ended before every query ran: {whole.StandardError.Trim()}");
            }
            return ReleaseDetection.Read(node, code, parts, alternatives);
        }, cancellationToken: cancel).ConfigureAwait(false);
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        if (failed.Count > 0)
        {
            throw new ObservationFailedException(
                "cannot read what these nodes run, so nothing was changed: " +
                string.Join("; ", failed.Select(f => $"{f.Node.Name}: {Reason(f.Error!)}")));
        }
        return new ClusterObservation(outcomes.Select(o => o.Result!).ToList());
    }

    private static string Reason(Exception error) => error switch
    {
        ObservationFailedException or FormatException => error.Message,
        _ => $"{error.GetType().Name}: {error.Message}",
    };
}
