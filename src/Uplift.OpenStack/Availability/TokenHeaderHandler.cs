namespace Uplift.OpenStack;

/// <summary>
/// Puts the cloud's token on every probe request (X-Auth-Token), so the probe reads real resources — servers,
/// networks, images — through each API's whole pipeline (auth middleware, policy, database) rather than its unauthenticated
/// version document. A token that cannot be had fails the request, as it fails a user's.
/// </summary>
public sealed class TokenHeaderHandler(Func<CancellationToken, Task<string>> token, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string value;
        try
        {
            value = await token(cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackApiException e)
        {
            throw new HttpRequestException("no token from keystone: " + e.Message, e);
        }
        request.Headers.Add("X-Auth-Token", value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
