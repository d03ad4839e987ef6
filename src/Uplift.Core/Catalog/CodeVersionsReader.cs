using YamlDotNet.RepresentationModel;

namespace Uplift.Catalog;

/// <summary>Reads the 'code-versions:' section of a catalog file (versions.yaml).</summary>
internal static class CodeVersionsReader
{
    public static List<CodeVersions> Read(CatalogYamlReader yaml, YamlNode node, IReadOnlyCollection<string> knownSeries)
    {
        var entries = new List<CodeVersions>();
        foreach (var item in yaml.Items(node, "code-versions"))
        {
            string? service = null, package = null;
            var majors = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, value, _) in yaml.Entries(item, "a code-versions entry", "service", "package", "majors"))
            {
                switch (key)
                {
                    case "service": service = yaml.Text(value, "code-versions service"); break;
                    case "package": package = yaml.Text(value, "code-versions package"); break;
                    case "majors": Majors(yaml, value, knownSeries, majors); break;
                }
            }
            if (service is null || package is null || majors.Count == 0)
            {
                yaml.Problem(item, "a code-versions entry needs service, package and majors",
                    "e.g. {service: nova, package: python3-nova, majors: {epoxy: 31, flamingo: 32}}");
                continue;
            }
            if (entries.Any(e => e.Service == service))
            {
                yaml.Problem(item, $"code versions of '{service}' are listed twice in this file", "merge the two entries");
                continue;
            }
            entries.Add(new CodeVersions(service, package, majors));
        }
        return entries;
    }

    private static void Majors(CatalogYamlReader yaml, YamlNode node, IReadOnlyCollection<string> knownSeries, Dictionary<string, int> majors)
    {
        foreach (var (series, value, keyNode) in yaml.Entries(node, "code-versions majors"))
        {
            if (!knownSeries.Contains(series))
            {
                yaml.Problem(keyNode, $"unknown release '{series}' in code-versions majors", $"known series: {string.Join(", ", knownSeries)}");
                continue;
            }
            if (yaml.Number(value, $"the major version of {series}", 0, 999) is not { } major)
            {
                continue;
            }
            if (majors.ContainsValue(major))
            {
                yaml.Problem(value, $"major version {major} is given to two series", "each series has its own major version");
                continue;
            }
            majors[series] = major;
        }
    }
}
