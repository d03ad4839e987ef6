using Uplift.Diagnostics;
using Uplift.Inventory;

namespace Uplift.Catalog;

/// <summary>
/// Combines catalog files in order into one <see cref="OpenStackCatalog"/>: a later file's service of the
/// same name overrides the fields it sets, new services are added, dependencies, config changes and
/// service-token roles are added to, apt settings are replaced key by key.
/// </summary>
internal static class CatalogAssembly
{
    public static OpenStackCatalog Build(IReadOnlyList<CatalogFile> files, string contentHash)
    {
        var problems = new List<Diagnostic>();
        var services = new List<ServiceDraft>();
        var dependencies = new Dictionary<Role, List<string>>();
        var infrastructure = new Dictionary<Role, List<string>>();
        var changes = new List<ConfigChange>();
        var tokenRoles = new List<ServiceTokenRoles>();
        var versions = new List<CodeVersions>();
        var seriesBySeries = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var hypervisorStack = new Dictionary<string, string>(StringComparer.Ordinal);
        string? sourcesFile = null, sourceLine = null;
        QueueGateSettings? queueGate = null;
        var apt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var draft in file.Services)
            {
                var at = services.FindIndex(s => s.Name == draft.Name);
                if (at >= 0)
                {
                    services[at] = services[at].OverriddenBy(draft);
                }
                else
                {
                    services.Add(draft);
                }
            }
            AddPerRole(dependencies, file.Dependencies);
            AddPerRole(infrastructure, file.Infrastructure);
            foreach (var (package, series) in file.SeriesBySeries)
            {
                seriesBySeries[package] = series;
            }
            foreach (var (package, why) in file.HypervisorStack)
            {
                hypervisorStack[package] = why;
            }
            changes.AddRange(file.ConfigChanges);
            tokenRoles.AddRange(file.ServiceTokenRoles);
            versions.RemoveAll(v => file.CodeVersions.Any(n => n.Service == v.Service));
            versions.AddRange(file.CodeVersions);
            sourcesFile = file.AptSourcesFile ?? sourcesFile;
            queueGate = file.QueueGate ?? queueGate;
            foreach (var (key, value) in file.Apt)
            {
                apt[key] = value;
            }
            sourceLine = file.AptSourceLine ?? sourceLine;
        }

        var ordered = ServiceOrder.Sort(services, problems);
        foreach (var draft in ordered)
        {
            var units = (draft.Units ?? new Dictionary<Role, IReadOnlyList<string>>()).Values.SelectMany(u => u).ToHashSet(StringComparer.Ordinal);
            foreach (var unit in (draft.Alternatives?.Keys ?? []).Where(u => !units.Contains(u)))
            {
                problems.Add(new Diagnostic($"service '{draft.Name}': alternatives name '{unit}', which is not one of its units", draft.AlternativesWhere ?? draft.Where,
                    "an alternative replaces a unit the service lists under 'units'"));
            }
        }
        var releases = files.Select(f => f.Releases).OfType<IReadOnlyList<Release>>().FirstOrDefault() ?? [];
        var first = files[0].Name;
        if (releases.Count == 0)
        {
            problems.Add(new Diagnostic("the catalog lists no releases", new SourceLocation(first)));
        }
        var deb822 = apt.GetValueOrDefault("format") == AptSettings.Deb822;
        if (sourcesFile is null || (deb822 ? !apt.ContainsKey("uris") || !apt.ContainsKey("suites") : sourceLine is null))
        {
            problems.Add(new Diagnostic("the catalog needs apt sources-file and, in deb822 format, uris and suites (in one-line format, source-line)",
                new SourceLocation(first)));
        }
        if (queueGate is null)
        {
            problems.Add(new Diagnostic("the catalog needs queue-gate (max-messages, leave-out, timeout)", new SourceLocation(first)));
        }
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return new OpenStackCatalog(
            Version(files),
            releases,
            [.. ordered.Select(s => s.ToDefinition())],
            dependencies.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)d.Value),
            changes,
            new AptSettings(sourcesFile!, sourceLine ?? "")
            {
                Format = apt.GetValueOrDefault("format") ?? AptSettings.OneLine,
                Uris = apt.GetValueOrDefault("uris") ?? "",
                Suites = apt.GetValueOrDefault("suites") ?? "",
                Components = apt.GetValueOrDefault("components") ?? "main",
                SignedBy = apt.GetValueOrDefault("signed-by"),
                Replaces = (apt.GetValueOrDefault("replaces") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            },
            contentHash)
        {
            CodeVersions = versions,
            Infrastructure = infrastructure.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)d.Value),
            SeriesBySeries = seriesBySeries,
            HypervisorStack = hypervisorStack,
            QueueGate = queueGate!,
            ServiceTokenRoles = tokenRoles,
        };
    }

    private static void AddPerRole(Dictionary<Role, List<string>> into, IReadOnlyDictionary<Role, IReadOnlyList<string>> from)
    {
        foreach (var (role, packages) in from)
        {
            var list = into.TryGetValue(role, out var known) ? known : into[role] = [];
            list.AddRange(packages.Where(p => !list.Contains(p)));
        }
    }

    /// <summary>The embedded data's version, with each overlay's own version (or "overlay") appended.</summary>
    private static string Version(IReadOnlyList<CatalogFile> files)
    {
        var versions = files.Where(f => f.Version is not null).Select(f => f.Version!).ToList();
        var overlays = files.Skip(EmbeddedCatalog.FileNames.Count).Select(f => f.Version ?? "overlay");
        return string.Join("+", versions.Take(1).Concat(overlays));
    }
}
