using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// Parses Keystone's answer to <c>POST /v3/auth/tokens</c>: the token itself travels in the
/// X-Subject-Token header, its expiry and catalog in the body (keystone api-ref, "Token authentication").
/// </summary>
public static class TokenResponse
{
    private const string What = "keystone token response";

    public static KeystoneToken Parse(string body, string subjectToken)
    {
        var token = JsonFields.Object(JsonFields.Root(body, What), "token", What);
        var expiresAt = JsonFields.Time(token, "expires_at") ?? throw new FormatException($"{What}: 'expires_at' is missing or not a time");
        var catalog = JsonFields.ObjectsIfAny(token, "catalog", What).Select(ParseService).ToList();
        return new KeystoneToken(new Secret(subjectToken), expiresAt, new ServiceCatalog(catalog),
            (token["project"] as JsonObject) is { } project ? JsonFields.Id(project, "id") : null,
            (token["user"] as JsonObject) is { } user ? JsonFields.Id(user, "id") : null,
            JsonFields.Time(token, "issued_at"));
    }

    private static CatalogService ParseService(JsonObject service)
    {
        var type = JsonFields.Required(service, "type", What);
        var endpoints = JsonFields.ObjectsIfAny(service, "endpoints", What).Select(ParseEndpoint).OfType<CatalogEndpoint>().ToList();
        return new CatalogService(type, JsonFields.Text(service, "name"), endpoints);
    }

    private static CatalogEndpoint? ParseEndpoint(JsonObject endpoint)
    {
        var url = JsonFields.Text(endpoint, "url");
        var endpointInterface = JsonFields.Text(endpoint, "interface");
        // An endpoint with a broken URL cannot be called; skip it rather than refuse the whole catalog.
        return url is not null && endpointInterface is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? new CatalogEndpoint(endpointInterface, JsonFields.Text(endpoint, "region_id") ?? JsonFields.Text(endpoint, "region"), uri)
            : null;
    }
}
