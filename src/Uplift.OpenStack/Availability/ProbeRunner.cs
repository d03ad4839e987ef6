using System.Net;

namespace Uplift.OpenStack;

/// <summary>
/// Sends <c>rate</c> requests per second to every target until the duration ends or the token is cancelled
/// (SIGINT, the end of a run), then waits for requests in flight and returns the summary either way. A request fails
/// on an answer <paramref name="up"/> does not accept (default: <see cref="Served"/>), a refused or reset connection, or
/// after the request timeout. Requests are not awaited before the next is sent, so a slow answer does not lower the rate.
/// </summary>
/// <param name="slowAfter">An answer that took longer counts as slow (default 0.5 s; an API's version document
/// normally answers in milliseconds).</param>
public sealed class ProbeRunner(HttpClient http, TimeProvider time, Func<HttpStatusCode, bool>? up = null, TimeSpan? slowAfter = null)
{
    private readonly TimeSpan _slowAfter = slowAfter ?? TimeSpan.FromMilliseconds(500);

    /// <summary>For a cloud's real endpoints, called without a token: an API that answers, even 401 or 404, is up;
    /// 5xx (HAProxy's 503 with no server left, 502, 504) is down.</summary>
    public static bool Answered(HttpStatusCode status) => (int)status < 500;

    /// <summary>With a token, what the request asked was served: 2xx, or 3xx as an API's version document answers
    /// (heat-api-cfn's and keystone's roots say 300 Multiple Choices; HAProxy's httpchk counts 2xx and 3xx as up too).</summary>
    public static bool Served(HttpStatusCode status) => (int)status is >= 200 and < 400;

    /// <param name="planned">Asked once the probe has stopped: the windows the plan announced (<see cref="PlannedWindow"/>).</param>
    public async Task<ProbeSummary> RunAsync(IReadOnlyList<ProbeTarget> targets, double rate, TimeSpan duration, CancellationToken stop,
        Func<IReadOnlyList<PlannedWindow>>? planned = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        var tally = new ProbeTally(targets.Select(t => t.Name));
        var started = time.GetUtcNow();
        var inFlight = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / rate), time);
        try
        {
            do
            {
                if (time.GetUtcNow() - started >= duration)
                {
                    break;
                }
                var sent = time.GetUtcNow();
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.AddRange(targets.Select(target => SendAsync(target, sent, tally)));
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // SIGINT: stop sending, report what was seen.
        }
        await Task.WhenAll(inFlight);
        return tally.Summarize(time.GetUtcNow() - started, planned?.Invoke());
    }

    private async Task SendAsync(ProbeTarget target, DateTimeOffset sent, ProbeTally tally)
    {
        var started = time.GetTimestamp();
        bool ok;
        string? cause = null;
        try
        {
            using var response = await http.GetAsync(target.Url, HttpCompletionOption.ResponseHeadersRead);
            ok = (up ?? Served)(response.StatusCode);
            cause = ok ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            ok = false;
            cause = e is TaskCanceledException
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no answer within {http.Timeout.TotalSeconds:0.#} s")
                : CauseOf(e);
        }
        tally.Record(target.Name, sent, ok, slow: time.GetElapsedTime(started) > _slowAfter, cause);
    }

    /// <summary>Why a request failed without an answer, in the socket's words where there is a socket error
    /// ("ConnectionRefused": nothing listens; "ConnectionReset": the server went away mid-request).</summary>
    public static string CauseOf(Exception e) =>
        FindSocketError(e) is { } socket ? socket.ToString()
            : e is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } h ? h.HttpRequestError.ToString()
            : e.GetType().Name;

    private static System.Net.Sockets.SocketError? FindSocketError(Exception? e) =>
        e is null ? null : e is System.Net.Sockets.SocketException s ? s.SocketErrorCode : FindSocketError(e.InnerException);
}
