using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Uplift.OpenStack;

/// <summary>
/// Extracts OpenStack's own message from an error body. The services disagree on the shape:
/// nova and cinder wrap it in a fault name ({"itemNotFound": {"message": …}}), neutron in
/// {"NeutronError": {"message": …}}, keystone in {"error": {"message": …}}, placement in
/// {"errors": [{"detail": …}]}; proxies and webob answer in text or HTML.
/// </summary>
public static partial class ApiErrorMessage
{
    private const int MaxLength = 400;

    public static string? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return Plain(body);
        }
        return json is JsonObject root ? FromJson(root) ?? Shorten(root.ToJsonString()) : Plain(body);
    }

    private static string? FromJson(JsonObject root)
    {
        if (JsonFields.Text(root, "message") is { } topLevel)
        {
            return Shorten(topLevel);
        }
        if (root["errors"] is JsonArray errors)
        {
            var details = errors.OfType<JsonObject>()
                .Select(e => JsonFields.Text(e, "detail") ?? JsonFields.Text(e, "title"))
                .OfType<string>()
                .ToList();
            return details.Count > 0 ? Shorten(string.Join("; ", details)) : null;
        }
        foreach (var (key, value) in root)
        {
            if (value is JsonObject fault && JsonFields.Text(fault, "message") is { } message)
            {
                return Shorten(message);
            }
            if (value is JsonValue && JsonFields.Text(root, key) is { } plain)
            {
                // Old neutron: {"NeutronError": "text"}.
                return Shorten(plain);
            }
        }
        return null;
    }

    private static string Plain(string body) => Shorten(Tags().Replace(body, " "));

    private static string Shorten(string text)
    {
        var oneLine = Spaces().Replace(text, " ").Trim();
        return oneLine.Length <= MaxLength ? oneLine : oneLine[..MaxLength] + "…";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
