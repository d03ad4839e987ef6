namespace Uplift.Catalog;

/// <summary>
/// How nodes are switched to a release's packages: the sources file Uplift owns, in Debian's deb822 format (a stanza:
/// Types, URIs, Suites, Components, Signed-By; sources.list(5)) or one-line format, and the previous releases' files it
/// replaces. Templates: {series} and {id} name the target release, {from} the release the hop starts from, and
/// {codename} the Debian codename the node reports (/etc/os-release VERSION_CODENAME), filled on the node.
/// </summary>
/// <param name="SourcesFile">The APT sources file Uplift owns on each node.</param>
/// <param name="SourceLine">The one-line format's line (format one-line).</param>
/// <param name="Format">"deb822" or "one-line".</param>
/// <param name="Replaces">Files of earlier releases' sources, removed once the new file is written (templates).</param>
public sealed record AptSettings(string SourcesFile, string SourceLine)
{
    public const string Deb822 = "deb822";
    public const string OneLine = "one-line";

    /// <summary>Where the node's codename goes in a template; filled on the node.</summary>
    public const string Codename = "{codename}";

    public string Format { get; init; } = OneLine;

    public string Uris { get; init; } = "";

    public string Suites { get; init; } = "";

    public string Components { get; init; } = "main";

    public string? SignedBy { get; init; }

    public IReadOnlyList<string> Replaces { get; init; } = [];

    /// <summary>These settings with the cluster's own keys (inventory 'apt:') in place of the catalog's.</summary>
    public AptSettings With(Inventory.AptOverrides cluster) => cluster.IsEmpty ? this : new AptSettings(cluster.SourcesFile ?? SourcesFile, cluster.SourceLine ?? SourceLine)
    {
        Format = cluster.Format ?? Format,
        Uris = cluster.Uris ?? Uris,
        Suites = cluster.Suites ?? Suites,
        Components = cluster.Components ?? Components,
        SignedBy = cluster.SignedBy ?? SignedBy,
        Replaces = cluster.Replaces ?? Replaces,
    };

    /// <summary>The one-line source of <paramref name="release"/> (one line per suite in deb822 format), {codename} left in.</summary>
    public string LineFor(Release release) => string.Join('\n', LinesFor(release));

    public IReadOnlyList<string> LinesFor(Release release) => Format == Deb822
        ? [.. Fill(Suites, release, null).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(suite => $"deb {(SignedBy is null ? "" : $"[signed-by={SignedBy}] ")}{Fill(Uris, release, null)} {suite} {Components}")]
        : [Fill(SourceLine, release, null)];

    /// <summary>The file's text for <paramref name="release"/>, {codename} left in.</summary>
    public string ContentFor(Release release) => Format == Deb822
        ? $"Types: deb\nURIs: {Fill(Uris, release, null)}\nSuites: {Fill(Suites, release, null)}\nComponents: {Components}\n" +
            (SignedBy is null ? "" : $"Signed-By: {SignedBy}\n")
        : Fill(SourceLine, release, null) + "\n";

    /// <summary>The files a hop from <paramref name="from"/> removes ({codename} left in); never the file Uplift writes.</summary>
    public IReadOnlyList<string> ReplacedFor(Release release, Release? from) =>
        [.. Replaces.Select(r => Fill(r, release, from)).Where(r => r != SourcesFile).Distinct(StringComparer.Ordinal)];

    private static string Fill(string template, Release release, Release? from) =>
        template.Replace("{series}", release.Series, StringComparison.Ordinal)
            .Replace("{id}", release.Id, StringComparison.Ordinal)
            .Replace("{from}", from?.Series ?? release.Series, StringComparison.Ordinal);
}
