using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;

namespace Uplift.OpenStack;

/// <summary>
/// The thin HTTP edge: sends <see cref="ApiRequest"/>s to a service's endpoint from the token's catalog with
/// the token, retries 409/503 a bounded number of times, and on a 401 renews the token once and repeats the
/// request once. Failures become <see cref="OpenStackApiException"/> with the status and OpenStack's message.
/// </summary>
public sealed class OpenStackSession : IDisposable
{
    private readonly CloudConfig _cloud;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly KeystoneAuth _auth;

    /// <param name="handler">The HTTP handler; by default one honouring the cloud's cacert.</param>
    public OpenStackSession(CloudConfig cloud, TimeProvider time, ApiSessionOptions? options = null, HttpMessageHandler? handler = null)
    {
        options ??= new ApiSessionOptions();
        _cloud = cloud;
        _http = new HttpClient(handler ?? CloudTls.HandlerFor(cloud), disposeHandler: handler is null) { Timeout = options.RequestTimeout };
        _pipeline = RetryPipeline(options, time);
        _auth = new KeystoneAuth(cloud, _http, _pipeline, time, options.TokenRefreshMargin);
    }

    public CloudConfig Cloud => _cloud;

    /// <summary>The current token (authenticating first if needed).</summary>
    public Task<KeystoneToken> TokenAsync(CancellationToken cancellation = default) => _auth.CurrentAsync(cancellation);

    /// <summary>The endpoint Uplift calls for <paramref name="service"/>: from the catalog, by interface and region.</summary>
    public async Task<Uri> EndpointAsync(OpenStackService service, CancellationToken cancellation = default)
    {
        var token = await _auth.CurrentAsync(cancellation).ConfigureAwait(false);
        return token.Catalog.EndpointFor(service.CatalogTypes, _cloud.Interface, _cloud.RegionName);
    }

    public async Task<ApiResponse> SendAsync(OpenStackService service, ApiRequest request, CancellationToken cancellation = default)
    {
        var token = await _auth.CurrentAsync(cancellation).ConfigureAwait(false);
        var response = await SendWithRetriesAsync(service, request, token, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token was revoked or expired early (keystone restarted with new fernet keys): renew once, repeat once.
            response.Dispose();
            token = await _auth.RenewAsync(token, cancellation).ConfigureAwait(false);
            response = await SendWithRetriesAsync(service, request, token, cancellation).ConfigureAwait(false);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(service, request, response, body);
            }
            var served = response.Headers.TryGetValues("OpenStack-API-Version", out var versions) ? versions.FirstOrDefault() : null;
            return new ApiResponse(response.StatusCode, body, served);
        }
    }

    /// <summary>Sends the request and reads the answer's body with <paramref name="parse"/>.</summary>
    public async Task<T> SendAsync<T>(OpenStackService service, ApiRequest request, Func<string, T> parse, CancellationToken cancellation = default)
    {
        var response = await SendAsync(service, request, cancellation).ConfigureAwait(false);
        return parse(response.Body);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendWithRetriesAsync(OpenStackService service, ApiRequest request, KeystoneToken token, CancellationToken cancellation)
    {
        var endpoint = token.Catalog.EndpointFor(service.CatalogTypes, _cloud.Interface, _cloud.RegionName);
        var url = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + request.Path);
        try
        {
            return await _pipeline.ExecuteAsync(async cancel =>
            {
                using var message = Message(request, url, token);
                return await _http.SendAsync(message, cancel).ConfigureAwait(false);
            }, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            throw TransportFailure.From(service.Name, url, e,
                $"check that the API is up and the catalog's {_cloud.Interface} endpoint is reachable from here");
        }
    }

    private static HttpRequestMessage Message(ApiRequest request, Uri url, KeystoneToken token)
    {
        var message = new HttpRequestMessage(request.Method, url);
        message.Headers.Add("X-Auth-Token", token.Value.Reveal());
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Microversion is { } microversion)
        {
            message.Headers.Add("OpenStack-API-Version", microversion);
            if (microversion.StartsWith("compute ", StringComparison.Ordinal))
            {
                // Nova before 2.27 only reads its own header.
                message.Headers.Add("X-OpenStack-Nova-API-Version", microversion["compute ".Length..]);
            }
        }
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        return message;
    }

    private static OpenStackApiException Failure(OpenStackService service, ApiRequest request, HttpResponseMessage response, string body)
    {
        var requestId = response.Headers.TryGetValues("X-OpenStack-Request-ID", out var ids) ? $" (request {ids.First()})" : "";
        var message = ApiErrorMessage.Parse(body) ?? "no message";
        return new OpenStackApiException(
            $"{service} {request} failed: {(int)response.StatusCode} {response.ReasonPhrase}: {message}{requestId}", response.StatusCode);
    }

    private static ResiliencePipeline<HttpResponseMessage> RetryPipeline(ApiSessionOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && options.RetryOn.Contains(r.StatusCode)),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.FirstDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                // Deterministic delays: one Uplift run is not a thundering herd.
                UseJitter = false,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.Headers.RetryAfter?.Delta is { } after ? (TimeSpan?)(after < options.MaxDelay ? after : options.MaxDelay) : null),
                // Free the busy answer's connection now (disposing twice is harmless if Polly does it too).
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
