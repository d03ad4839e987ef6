namespace Uplift.Catalog;

/// <summary>How nodes are switched to a release's packages.</summary>
/// <param name="SourcesFile">The APT sources file Uplift owns on each node.</param>
/// <param name="SourceLine">The line written there; {series} and {id} are replaced by the target release.</param>
public sealed record AptSettings(string SourcesFile, string SourceLine)
{
    public string LineFor(Release release) =>
        SourceLine.Replace("{series}", release.Series, StringComparison.Ordinal)
                  .Replace("{id}", release.Id, StringComparison.Ordinal);
}
