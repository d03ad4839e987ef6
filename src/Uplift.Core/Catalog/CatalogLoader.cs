using System.Text;
using Uplift.Diagnostics;

namespace Uplift.Catalog;

/// <summary>
/// Loads the catalog compiled into Uplift and, optionally, an operator's overlay file that adds services,
/// packages and dependencies or overrides entries by name (docs/catalog.md). Bad input throws
/// <see cref="InputException"/> with file:line:column for every problem found.
/// </summary>
public static class CatalogLoader
{
    /// <summary>The embedded catalog; parsed once, then served from memory.</summary>
    public static OpenStackCatalog LoadEmbedded() => EmbeddedCatalog.Instance.Catalog;

    /// <summary>The embedded catalog with the overlay file applied; the embedded one when the path is null.</summary>
    public static OpenStackCatalog Load(string? overlayPath)
    {
        if (overlayPath is null)
        {
            return LoadEmbedded();
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(overlayPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the catalog overlay: {e.Message}", new SourceLocation(overlayPath),
                "check the path given to --catalog");
        }
        return WithOverlay(bytes, overlayPath);
    }

    /// <summary>The embedded catalog with an overlay given as bytes; <paramref name="name"/> is used in error locations.</summary>
    public static OpenStackCatalog WithOverlay(byte[] overlay, string name)
    {
        var embedded = EmbeddedCatalog.Instance;
        var problems = new List<Diagnostic>();
        var series = embedded.Catalog.Releases.Select(r => r.Series).ToList();
        var file = CatalogFileReader.Read(Encoding.UTF8.GetString(overlay), name, overlay: true,
            embedded.Files[^1].ExitCodeTables, series, problems);
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
        return CatalogAssembly.Build([.. embedded.Files, file], embedded.HashWith(overlay));
    }
}
