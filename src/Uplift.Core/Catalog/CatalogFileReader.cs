using Uplift.Diagnostics;
using Uplift.Inventory;
using YamlDotNet.RepresentationModel;

namespace Uplift.Catalog;

/// <summary>
/// Reads one catalog file. Every file may use the same top-level keys (the embedded data is split
/// into several files only for readability), except that only the embedded data may list releases.
/// </summary>
internal static class CatalogFileReader
{
    private static readonly string[] TopLevelKeys =
        ["catalog-version", "releases", "exit-codes", "services", "dependencies", "config-changes", "apt", "code-versions", "infrastructure", "series-by-series",
            "service-token-roles", "hypervisor-stack", "queue-gate"];

    /// <param name="knownTables">Exit-code tables of the files read before this one.</param>
    /// <param name="knownSeries">Series read before this one (config changes must name one); null while reading releases.</param>
    public static CatalogFile Read(
        string text, string name, bool overlay,
        IReadOnlyDictionary<string, ExitCodes> knownTables, IReadOnlyCollection<string>? knownSeries,
        List<Diagnostic> problems)
    {
        var yaml = new CatalogYamlReader(name, problems);
        var root = CatalogYamlReader.Parse(text, name);
        var entries = root is null ? [] : yaml.Entries(root, "the catalog file", TopLevelKeys).ToList();

        var tables = knownTables.ToDictionary();
        foreach (var (_, value, _) in entries.Where(e => e.Key == "exit-codes"))
        {
            foreach (var (tableName, table) in ServiceReader.ReadTables(yaml, value))
            {
                tables[tableName] = table;
            }
        }

        var file = new CatalogFile(name, null, null, tables, [], new Dictionary<Role, IReadOnlyList<string>>(), [], null, null, []);
        foreach (var (key, value, keyNode) in entries)
        {
            file = key switch
            {
                "catalog-version" => file with { Version = yaml.Text(value, "catalog-version") },
                "releases" when overlay => Refuse(yaml, keyNode, file),
                "releases" => file with { Releases = ReadReleases(yaml, value) },
                "services" => file with { Services = new ServiceReader(yaml, tables).ReadAll(value) },
                "dependencies" => file with { Dependencies = yaml.PerRole(value, "dependencies") },
                "infrastructure" => file with { Infrastructure = yaml.PerRole(value, "infrastructure") },
                "series-by-series" => file with { SeriesBySeries = ReadSeriesBySeries(yaml, value) },
                "hypervisor-stack" => file with { HypervisorStack = ReadHypervisorStack(yaml, value) },
                "queue-gate" => file with { QueueGate = ReadQueueGate(yaml, value) },
                "config-changes" => file with { ConfigChanges = ReadConfigChanges(yaml, value, knownSeries ?? []) },
                "service-token-roles" => file with { ServiceTokenRoles = ReadServiceTokenRoles(yaml, value, knownSeries ?? []) },
                "apt" => ReadApt(yaml, value, file),
                "code-versions" => file with { CodeVersions = CodeVersionsReader.Read(yaml, value, knownSeries ?? []) },
                _ => file,
            };
        }
        return file;
    }

    /// <summary>package → its release series, oldest first ("3.12", "3.13", "4.0"): each a major.minor, each once.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadSeriesBySeries(CatalogYamlReader yaml, YamlNode node)
    {
        var packages = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (package, value, _) in yaml.Entries(node, "series-by-series"))
        {
            var series = yaml.Texts(value, $"series-by-series of {package}");
            var bad = series.FirstOrDefault(s => PackageSeries.Of(s + ".0") != s);
            if (series.Count < 2 || bad is not null || series.Distinct(StringComparer.Ordinal).Count() != series.Count)
            {
                yaml.Problem(value, $"series-by-series of {package} must list two or more release series, each once, oldest first",
                    bad is null ? "e.g. [\"3.12\", \"3.13\", \"4.0\"]" : $"'{bad}' is not a major.minor series such as \"3.13\"");
                continue;
            }
            packages[package] = series;
        }
        return packages;
    }

    /// <summary>package → why upgrading it on a compute needs the compute emptied first.</summary>
    private static Dictionary<string, string> ReadHypervisorStack(CatalogYamlReader yaml, YamlNode node)
    {
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (package, value, _) in yaml.Entries(node, "hypervisor-stack"))
        {
            if (yaml.Text(value, $"hypervisor-stack {package}") is { Length: > 0 } why)
            {
                packages[package] = why;
            }
        }
        return packages;
    }

    private static QueueGateSettings? ReadQueueGate(CatalogYamlReader yaml, YamlNode node)
    {
        int? most = null, timeout = null;
        IReadOnlyList<string> leaveOut = [];
        foreach (var (key, value, _) in yaml.Entries(node, "queue-gate", "max-messages", "leave-out", "timeout"))
        {
            switch (key)
            {
                case "max-messages": most = yaml.Number(value, "queue-gate max-messages", 0, int.MaxValue); break;
                case "timeout": timeout = yaml.Number(value, "queue-gate timeout", 1, 86400); break;
                default: leaveOut = yaml.Texts(value, "queue-gate leave-out"); break;
            }
        }
        if (most is null || timeout is null)
        {
            yaml.Problem(node, "queue-gate needs max-messages and timeout", "e.g. {max-messages: 10000, leave-out: [notifications.*], timeout: 600}");
            return null;
        }
        return new QueueGateSettings(most.Value, leaveOut, timeout.Value);
    }

    private static CatalogFile Refuse(CatalogYamlReader yaml, YamlNode keyNode, CatalogFile file)
    {
        yaml.Problem(keyNode, "an overlay cannot change the release list", "releases come from openstack/releases; remove 'releases:' from the overlay");
        return file;
    }

    private static List<Release> ReadReleases(CatalogYamlReader yaml, YamlNode node)
    {
        var releases = new List<Release>();
        foreach (var item in yaml.Items(node, "releases"))
        {
            string? series = null, id = null;
            bool slurp = false, future = false;
            foreach (var (key, value, _) in yaml.Entries(item, "a release", "series", "id", "slurp", "future"))
            {
                switch (key)
                {
                    case "series": series = yaml.Text(value, "release series"); break;
                    case "id": id = yaml.Text(value, "release id"); break;
                    case "slurp": slurp = yaml.Flag(value, "release slurp"); break;
                    case "future": future = yaml.Flag(value, "release future"); break;
                }
            }
            if (series is null || id is null)
            {
                yaml.Problem(item, "a release needs a series and an id", "e.g. {series: epoxy, id: \"2025.1\", slurp: true}");
            }
            else if (releases.Count > 0 && string.CompareOrdinal(releases[^1].Id, id) >= 0)
            {
                yaml.Problem(item, $"release {series} ({id}) is out of order", "list releases oldest first, each id once");
            }
            else
            {
                releases.Add(new Release(series, id, slurp, future));
            }
        }
        return releases;
    }

    private static List<ConfigChange> ReadConfigChanges(CatalogYamlReader yaml, YamlNode node, IReadOnlyCollection<string> knownSeries)
    {
        var changes = new List<ConfigChange>();
        string[] required = ["release", "file", "section", "option", "note"];
        foreach (var item in yaml.Items(node, "config-changes"))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value, _) in yaml.Entries(item, "a config change", [.. required, "replaced-by", "stops-service", "unit"]))
            {
                if (yaml.Text(value, $"config change {key}") is { } text)
                {
                    fields[key] = text;
                }
            }
            if (required.FirstOrDefault(k => !fields.ContainsKey(k)) is { } missing)
            {
                yaml.Problem(item, $"a config change needs '{missing}'", $"keys: {string.Join(", ", required)}, and optionally replaced-by, stops-service, unit");
                continue;
            }
            if (!knownSeries.Contains(fields["release"]))
            {
                yaml.Problem(item, $"config change names unknown release '{fields["release"]}'", $"known series: {string.Join(", ", knownSeries)}");
                continue;
            }
            if (fields.GetValueOrDefault("stops-service") is { } stops && stops is not ("true" or "false"))
            {
                yaml.Problem(item, $"config change stops-service is '{stops}'", "write true or false");
                continue;
            }
            changes.Add(new ConfigChange(fields["release"], fields["file"], fields["section"], fields["option"],
                fields.GetValueOrDefault("replaced-by"), fields["note"])
            {
                StopsService = fields.GetValueOrDefault("stops-service") == "true",
                Unit = fields.GetValueOrDefault("unit"),
            });
        }
        return changes;
    }

    private static List<ServiceTokenRoles> ReadServiceTokenRoles(CatalogYamlReader yaml, YamlNode node, IReadOnlyCollection<string> knownSeries)
    {
        var rules = new List<ServiceTokenRoles>();
        foreach (var item in yaml.Items(node, "service-token-roles"))
        {
            string? release = null, note = null;
            IReadOnlyList<string> roles = [];
            foreach (var (key, value, _) in yaml.Entries(item, "a service-token-roles entry", "release", "roles", "note"))
            {
                switch (key)
                {
                    case "release": release = yaml.Text(value, "service-token-roles release"); break;
                    case "roles": roles = yaml.Texts(value, "service-token-roles roles"); break;
                    default: note = yaml.Text(value, "service-token-roles note"); break;
                }
            }
            if (release is null || note is null || roles.Count == 0)
            {
                yaml.Problem(item, "a service-token-roles entry needs release, roles and note", "e.g. {release: hibiscus, roles: [service], note: \"…\"}");
            }
            else if (!knownSeries.Contains(release))
            {
                yaml.Problem(item, $"service-token-roles names unknown release '{release}'", $"known series: {string.Join(", ", knownSeries)}");
            }
            else
            {
                rules.Add(new ServiceTokenRoles(release, roles, note));
            }
        }
        return rules;
    }

    /// <summary>The apt keys a file sets; a file that gives a source-line without a format means the one-line format.</summary>
    private static CatalogFile ReadApt(CatalogYamlReader yaml, YamlNode node, CatalogFile file)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _) in yaml.Entries(node, "apt", AptKeys))
        {
            if (key == "replaces")
            {
                keys[key] = string.Join(' ', yaml.Texts(value, "apt replaces"));
            }
            else if (yaml.Text(value, $"apt {key}") is { } text)
            {
                keys[key] = text;
            }
        }
        if (keys.TryGetValue("format", out var format) && format is not (AptSettings.Deb822 or AptSettings.OneLine))
        {
            yaml.Problem(node, $"apt format '{format}' is unknown", $"write {AptSettings.Deb822} or {AptSettings.OneLine}");
        }
        if (keys.ContainsKey("source-line") && !keys.ContainsKey("format"))
        {
            keys["format"] = AptSettings.OneLine;
        }
        return file with
        {
            AptSourcesFile = keys.GetValueOrDefault("sources-file") ?? file.AptSourcesFile,
            AptSourceLine = keys.GetValueOrDefault("source-line") ?? file.AptSourceLine,
            Apt = file.Apt.Concat(keys.Where(k => k.Key is not ("sources-file" or "source-line"))).ToDictionary(),
        };
    }

    private static readonly string[] AptKeys = ["format", "sources-file", "source-line", "uris", "suites", "components", "signed-by", "replaces"];
}
