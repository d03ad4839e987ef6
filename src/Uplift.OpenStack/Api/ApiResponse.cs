using System.Net;

namespace Uplift.OpenStack;

/// <summary>A successful answer: status, body text and the OpenStack-API-Version header (the microversion served).</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, string? ApiVersion = null);
