namespace Uplift.Catalog;

/// <summary>
/// The upstream major version of one service's code in each release series, and the package that carries it
/// (catalog versions.yaml, from openstack/releases deliverables). Reads which release an installed version is.
/// </summary>
/// <param name="Service">The catalog service, e.g. "nova".</param>
/// <param name="Package">The Debian package whose version is read, e.g. "python3-nova".</param>
/// <param name="Majors">Series → upstream major version, e.g. epoxy → 31.</param>
public sealed record CodeVersions(string Service, string Package, IReadOnlyDictionary<string, int> Majors)
{
    /// <summary>What the service's API version document reports per series; null when the catalog does not say.</summary>
    public ApiMicroversions? Api { get; init; }

    /// <summary>The series whose major version this Debian version has ("2:31.0.2-1" → epoxy); null when none has.</summary>
    public string? SeriesOf(string debianVersion) =>
        UpstreamMajor(debianVersion) is { } major ? Majors.FirstOrDefault(m => m.Value == major).Key : null;

    /// <summary>"31.x" for epoxy; null when the series has no known major.</summary>
    public string? SeriesText(string series) => Majors.TryGetValue(series, out var major) ? $"{major}.x" : null;

    /// <summary>The upstream major of a Debian version: epoch and revision dropped ("2:31.0.2-1" → 31); null if not a number.</summary>
    public static int? UpstreamMajor(string debianVersion)
    {
        var upstream = debianVersion[(debianVersion.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var end = 0;
        while (end < upstream.Length && char.IsAsciiDigit(upstream[end]))
        {
            end++;
        }
        return end > 0 && end < 10 ? int.Parse(upstream.AsSpan(0, end), System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
