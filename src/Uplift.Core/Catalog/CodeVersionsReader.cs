using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Uplift.Catalog;

/// <summary>Reads the 'code-versions:' section of a catalog file (versions.yaml).</summary>
internal static partial class CodeVersionsReader
{
    public static List<CodeVersions> Read(CatalogYamlReader yaml, YamlNode node, IReadOnlyCollection<string> knownSeries)
    {
        var entries = new List<CodeVersions>();
        foreach (var item in yaml.Items(node, "code-versions"))
        {
            string? service = null, package = null;
            ApiMicroversions? api = null;
            var majors = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, value, _) in yaml.Entries(item, "a code-versions entry", "service", "package", "majors", "api"))
            {
                switch (key)
                {
                    case "service": service = yaml.Text(value, "code-versions service"); break;
                    case "package": package = yaml.Text(value, "code-versions package"); break;
                    case "majors": Majors(yaml, value, knownSeries, majors); break;
                    case "api": api = Api(yaml, value, knownSeries); break;
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
            entries.Add(new CodeVersions(service, package, majors) { Api = api });
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

    private static ApiMicroversions? Api(CatalogYamlReader yaml, YamlNode node, IReadOnlyCollection<string> knownSeries)
    {
        string? unit = null;
        var maxima = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _) in yaml.Entries(node, "a code-versions api", "unit", "microversions"))
        {
            if (key == "unit")
            {
                unit = yaml.Text(value, "the api unit");
                continue;
            }
            foreach (var (series, version, keyNode) in yaml.Entries(value, "api microversions"))
            {
                if (!knownSeries.Contains(series))
                {
                    yaml.Problem(keyNode, $"unknown release '{series}' in api microversions", $"known series: {string.Join(", ", knownSeries)}");
                }
                else if (yaml.Text(version, $"the microversion of {series}") is { } text)
                {
                    if (Microversion().IsMatch(text))
                    {
                        maxima[series] = text;
                    }
                    else
                    {
                        yaml.Problem(version, $"'{text}' is not a microversion", "write it as the API's version document does, e.g. \"2.100\"");
                    }
                }
            }
        }
        if (unit is null || maxima.Count == 0)
        {
            yaml.Problem(node, "a code-versions api needs a unit and microversions", "e.g. {unit: nova-api, microversions: {epoxy: \"2.100\"}}");
            return null;
        }
        return new ApiMicroversions(unit, maxima);
    }

    [GeneratedRegex(@"^[0-9]{1,3}\.[0-9]{1,4}$")]
    private static partial Regex Microversion();
}
