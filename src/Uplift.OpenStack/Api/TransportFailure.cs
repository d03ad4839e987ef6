using System.Security.Authentication;

namespace Uplift.OpenStack;

/// <summary>Turns a failure to exchange anything with a service (refused, TLS, timeout) into an actionable error.</summary>
internal static class TransportFailure
{
    public static OpenStackApiException From(string service, Uri url, Exception e, string hint) => e switch
    {
        HttpRequestException { InnerException: AuthenticationException tls } => new OpenStackApiException(
            $"the TLS certificate of {service} at {url.GetLeftPart(UriPartial.Authority)} is not trusted ({tls.Message}); " +
            "set cacert in clouds.yaml to the PEM file of the CA that signed it", null, e),
        TaskCanceledException => new OpenStackApiException($"{service} at {url} did not answer in time", null, e),
        _ => new OpenStackApiException($"cannot reach {service} at {url}: {e.Message}; {hint}", null, e),
    };
}
