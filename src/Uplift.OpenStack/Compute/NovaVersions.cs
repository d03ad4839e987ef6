using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// The highest compute microversion a server offers: from the version document at the endpoint root
/// ({"version": {"version": "2.96", …}} or {"versions": […]}), else from the OpenStack-API-Version header
/// ("compute 2.96") of an answer to a "latest" request. Null when neither says: the server predates
/// microversions (or hides them) and only the 2.1 forms are safe.
/// </summary>
public static class NovaVersions
{
    public static Microversion? MaxMicroversion(string? body, string? apiVersionHeader)
    {
        var fromDocument = FromDocument(body);
        if (fromDocument is not null)
        {
            return fromDocument;
        }
        var parts = apiVersionHeader?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is ["compute", var text] && Microversion.TryParse(text, out var fromHeader) ? fromHeader : null;
    }

    private static Microversion? FromDocument(string? body)
    {
        JsonObject root;
        try
        {
            root = JsonFields.Root(body ?? "", "nova versions");
        }
        catch (FormatException)
        {
            return null;
        }
        var documents = root["version"] is JsonObject single ? [single]
            : root["versions"] is JsonArray list ? list.OfType<JsonObject>().ToList()
            : new List<JsonObject>();
        return documents
            .Select(d => Microversion.TryParse(JsonFields.Text(d, "version"), out var v) ? v : (Microversion?)null)
            .Where(v => v is not null)
            .DefaultIfEmpty(null)
            .Max();
    }
}
