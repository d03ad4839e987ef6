using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;

namespace Uplift.OpenStack;

/// <summary>
/// Holds the cloud's token: authenticates once, reuses the token, and renews it
/// <see cref="ApiSessionOptions.TokenRefreshMargin"/> before it expires (on the injected clock) or when a
/// service rejects it. A refused login (401) is final: it is reported at once and never retried, so a wrong
/// password costs exactly one request and cannot lock the account.
/// </summary>
internal sealed class KeystoneAuth(
    CloudConfig cloud,
    HttpClient http,
    ResiliencePipeline<HttpResponseMessage> pipeline,
    TimeProvider time,
    TimeSpan refreshMargin)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeystoneToken? _token;
    private DateTimeOffset _renewAt;

    public Uri TokensUrl { get; } = TokensUrlFor(cloud.AuthUrl);

    /// <summary>The token in use, renewed first when it is about to expire.</summary>
    public Task<KeystoneToken> CurrentAsync(CancellationToken cancellation) =>
        TokenAsync(_ => time.GetUtcNow() >= _renewAt, cancellation);

    /// <summary>A new token after a service answered 401 to <paramref name="rejected"/> (unless another call renewed it already).</summary>
    public Task<KeystoneToken> RenewAsync(KeystoneToken rejected, CancellationToken cancellation) =>
        TokenAsync(held => ReferenceEquals(held, rejected), cancellation);

    /// <summary>The held token, or a new one when there is none or <paramref name="stale"/> says so; one caller at a time.</summary>
    private async Task<KeystoneToken> TokenAsync(Func<KeystoneToken, bool> stale, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_token is null || stale(_token))
            {
                _token = await AuthenticateAsync(cancellation).ConfigureAwait(false);
            }
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// When to renew, on our clock: the token's lifetime is measured on Keystone's clock (issued_at to expires_at)
    /// so a skew between the two machines does not matter; the margin is at most half the lifetime, so short-lived
    /// tokens are still reused.
    /// </summary>
    public static DateTimeOffset RenewalTime(KeystoneToken token, DateTimeOffset receivedAt, TimeSpan margin)
    {
        var lifetime = token.ExpiresAt - (token.IssuedAt ?? receivedAt);
        if (lifetime <= TimeSpan.Zero)
        {
            return receivedAt;
        }
        return receivedAt + lifetime - (margin < lifetime / 2 ? margin : lifetime / 2);
    }

    /// <summary>Keystone's token URL from auth_url, which may or may not end in /v3.</summary>
    public static Uri TokensUrlFor(Uri authUrl)
    {
        var root = authUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(root.EndsWith("/v3", StringComparison.Ordinal) ? root + "/auth/tokens" : root + "/v3/auth/tokens");
    }

    private async Task<KeystoneToken> AuthenticateAsync(CancellationToken cancellation)
    {
        var body = AuthRequestBody.For(cloud.Credentials, cloud.Scope).ToJsonString();
        using var response = await SendAsync(body, cancellation).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new OpenStackApiException(
                $"keystone at {TokensUrl} refused the credentials of cloud '{cloud.Name}' (401 Unauthorized: {ApiErrorMessage.Parse(text) ?? "no message"}); " +
                "check the user, password or application credential and their domains in clouds.yaml / secure.yaml" +
                (cloud.SourceFile is null ? "" : $" ({cloud.SourceFile})") + "; Uplift did not retry",
                response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new OpenStackApiException(
                $"keystone POST {TokensUrl.AbsolutePath} failed: {(int)response.StatusCode} {response.ReasonPhrase}: {ApiErrorMessage.Parse(text) ?? "no message"}",
                response.StatusCode);
        }
        if (!response.Headers.TryGetValues("X-Subject-Token", out var values) || values.FirstOrDefault() is not { Length: > 0 } subject)
        {
            throw new OpenStackApiException($"keystone at {TokensUrl} answered {(int)response.StatusCode} without an X-Subject-Token header", response.StatusCode);
        }
        try
        {
            var token = TokenResponse.Parse(text, subject);
            _renewAt = RenewalTime(token, time.GetUtcNow(), refreshMargin);
            return token;
        }
        catch (FormatException e)
        {
            throw new OpenStackApiException($"keystone at {TokensUrl} sent a token Uplift cannot read: {e.Message}", response.StatusCode, e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string body, CancellationToken cancellation)
    {
        try
        {
            return await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, TokensUrl)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                return await http.SendAsync(request, token).ConfigureAwait(false);
            }, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            throw TransportFailure.From("keystone", TokensUrl, e, "check auth_url in clouds.yaml");
        }
    }
}
