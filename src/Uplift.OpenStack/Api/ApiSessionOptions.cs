using System.Net;

namespace Uplift.OpenStack;

/// <summary>
/// How the session talks to the cloud. It retries answers that mean "busy, try again": 409 Conflict (e.g. a service record being
/// updated) and 503 Service Unavailable (HAProxy with no backend up, an API restarting). Bounded, with
/// exponential backoff (Retry-After honoured up to <see cref="MaxDelay"/>); delays run on the injected clock.
/// </summary>
public sealed record ApiSessionOptions
{
    /// <summary>Retries after the first attempt. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Delay before the first retry, doubled for each next one. Default 2 s.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest single delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Statuses retried. Default 409 and 503.</summary>
    public IReadOnlySet<HttpStatusCode> RetryOn { get; init; } = new HashSet<HttpStatusCode> { HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable };

    /// <summary>Renew the token this long before Keystone says it expires. Default 5 min.</summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Time allowed for one HTTP exchange. Default 60 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
