using Uplift.Catalog;

namespace Uplift.Lab;

/// <summary>
/// The lab's package versions. A service's packages carry its upstream major of the release (catalog versions.yaml:
/// nova 31.0.0-1 on epoxy, keystone 27.0.0-1), so Uplift's release detection reads a lab node as it reads a real
/// one; a series past the table's last entry continues it one major a release. Other packages (dependencies) are
/// "{26+i}.0.0-1" for release index i (zed = 0): they only need to order correctly. A package upgraded series by series
/// (RabbitMQ) moves one of its catalog series a release, so one hop is a rolling upgrade it allows.
/// </summary>
public sealed class LabVersions(OpenStackCatalog catalog)
{
    private readonly Dictionary<string, CodeVersions> _byPackage = catalog.Services
        .SelectMany(s => s.AnyPackages.Select(p => (Package: p, Code: catalog.CodeVersionsOf(s.Name))))
        .Where(p => p.Code is not null)
        .GroupBy(p => p.Package)
        .ToDictionary(g => g.Key, g => g.First().Code!);

    private readonly List<string> _series = catalog.Releases.Select(r => r.Series).ToList();

    /// <summary>The version of a package in the repository of release index <paramref name="releaseIndex"/>.</summary>
    public string Of(string package, int releaseIndex) =>
        catalog.SeriesBySeries.TryGetValue(package, out var series)
            ? $"{series[Math.Min(releaseIndex, series.Count - 1)]}.{releaseIndex}-1"
            : $"{(_byPackage.TryGetValue(package, out var code) ? Major(code, releaseIndex) : 26 + releaseIndex)}.0.0-1";

    private int Major(CodeVersions code, int releaseIndex)
    {
        if (code.Majors.TryGetValue(_series[releaseIndex], out var major))
        {
            return major;
        }
        var (series, known) = code.Majors.MaxBy(m => _series.IndexOf(m.Key));
        return known + releaseIndex - _series.IndexOf(series);
    }
}
