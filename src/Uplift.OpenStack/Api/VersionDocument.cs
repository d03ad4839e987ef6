using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// The highest microversion an OpenStack API's version document names: the unauthenticated answer at its root
/// ({"versions": [{"id": "v2.1", "version": "2.100", …}, …]}) or at a version ({"version": {…}}). Versions without a
/// microversion ("version": "") are skipped. Null when the document names none or is not a version document.
/// </summary>
public static class VersionDocument
{
    public static Microversion? MaxMicroversion(string? body)
    {
        JsonObject root;
        try
        {
            root = JsonFields.Root(body ?? "", "version document");
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
