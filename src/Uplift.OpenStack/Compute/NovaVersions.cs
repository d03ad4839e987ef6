namespace Uplift.OpenStack;

/// <summary>
/// The highest compute microversion a server offers: from the version document at the endpoint root
/// (<see cref="VersionDocument"/>), else from the OpenStack-API-Version header
/// ("compute 2.96") of an answer to a "latest" request. Null when neither says: the server predates
/// microversions (or hides them) and only the 2.1 forms are safe.
/// </summary>
public static class NovaVersions
{
    public static Microversion? MaxMicroversion(string? body, string? apiVersionHeader)
    {
        var fromDocument = VersionDocument.MaxMicroversion(body);
        if (fromDocument is not null)
        {
            return fromDocument;
        }
        var parts = apiVersionHeader?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is ["compute", var text] && Microversion.TryParse(text, out var fromHeader) ? fromHeader : null;
    }
}
