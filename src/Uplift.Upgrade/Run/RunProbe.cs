using Uplift.Execution;
using Uplift.OpenStack;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Upgrade.Run;

/// <summary>
/// The API downtime a run causes, measured while it runs: requests at a steady rate to each public endpoint of the
/// cloud's catalog (what users call), counted as failed on no answer or a 5xx. Reported when the run ends. A cloud
/// that cannot be reached at the start only turns the probe off: the run does not depend on it.
/// </summary>
public sealed class RunProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Task<ProbeSummary>? _probe;
    private IReadOnlyList<PlannedWindow> _planned = [];

    public double Rate { get; private init; }

    /// <summary>What the probe saw, once reported; null before, or with no probe.</summary>
    public ProbeSummary? Summary { get; private set; }

    /// <summary>Why there is no probe ("" when there is one).</summary>
    public string Off { get; private set; } = "";

    public static async Task<RunProbe> StartAsync(ComputeCloud cloud, double rate, TimeProvider time)
    {
        var probe = new RunProbe { Rate = rate };
        if (rate <= 0)
        {
            probe.Off = "--probe-rate 0";
            return probe;
        }
        try
        {
            var session = cloud.Session;
            var token = await session.TokenAsync().ConfigureAwait(false);
            var targets = ProbeTarget.FromCatalog(token.Catalog, session.Cloud.Interface, session.Cloud.RegionName);
            if (targets.Count == 0)
            {
                probe.Off = $"the catalog has no {session.Cloud.Interface} endpoint";
                return probe;
            }
            probe._probe = new ProbeRunner(probe._http, time, ProbeRunner.Answered).RunAsync(targets, rate, TimeSpan.MaxValue, probe._stop.Token, () => probe._planned);
        }
        catch (Exception e) when (e is OpenStackApiException or Diagnostics.InputException or HttpRequestException or IOException or TaskCanceledException)
        {
            probe.Off = $"no cloud to probe ({e.Message})";
        }
        return probe;
    }

    /// <summary>Stops the probe and says what it saw; failures inside the outages the plan announced and the run went
    /// through are counted as planned, each window named.</summary>
    public async Task<string> ReportAsync(IReadOnlyList<PlannedOutages.Window> planned)
    {
        if (_probe is null)
        {
            return $"API downtime: not measured: {Off}";
        }
        _planned = [.. planned.SelectMany(w => CatalogTypes(w.Service).Select(type => new PlannedWindow(type, w.From, w.To, w.Why)))];
        await _stop.CancelAsync().ConfigureAwait(false);
        var summary = await _probe.ConfigureAwait(false);
        Summary = summary;
        return $"API downtime during the run, {Rate:0.#} request(s)/s to each public endpoint: " + summary.ToText().TrimEnd();
    }

    /// <summary>The catalog types a service's endpoints have (the probe's targets are named by type).</summary>
    private static IReadOnlyList<string> CatalogTypes(string service) =>
        new[] { OpenStackService.Compute, OpenStackService.Network, OpenStackService.BlockStorage }
            .FirstOrDefault(s => s.Name == service)?.CatalogTypes ?? [service];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_probe is not null)
        {
            await _probe.ConfigureAwait(false); // ends once its requests in flight have ended
        }
        _stop.Dispose();
        _http.Dispose();
    }
}
