namespace Uplift.Catalog;

/// <summary>Loads the embedded catalog and an optional overlay. (Implementation in progress.)</summary>
public static class CatalogLoader
{
}
