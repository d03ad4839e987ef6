using System.Net;

namespace Uplift.OpenStack;

/// <summary>
/// An OpenStack API call that failed: which service and request, the HTTP status and OpenStack's own message.
/// Never carries a token, password or secret.
/// </summary>
public sealed class OpenStackApiException : Exception
{
    public OpenStackApiException(string message, HttpStatusCode? status = null, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
    }

    /// <summary>The HTTP status, or null when no answer came (unreachable, no endpoint in the catalog).</summary>
    public HttpStatusCode? Status { get; }
}
