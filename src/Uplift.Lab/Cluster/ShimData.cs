using System.Globalization;
using System.Text;
using Uplift.Catalog;

namespace Uplift.Lab;

/// <summary>
/// The data files the shims read (formats in docs/lab.md), built from the catalog. Pure: file name → text.
/// shared/ is read-only data for every node; cluster/ is the state a real cloud keeps in its database
/// and Pacemaker; nodes/&lt;node&gt;/ is what one machine keeps (installed packages, units).
/// </summary>
public static class ShimData
{
    public static IReadOnlyDictionary<string, string> Shared(LabLayout lab)
    {
        var releases = Lines(lab.Catalog.Releases.Select(r => $"{r.Series} {r.Id}"));
        var packages = lab.Services
            .SelectMany(s => s.AnyPackages.Select(p => $"{s.Name} {p}"))
            .Distinct();
        var versions = new LabVersions(lab.Catalog);
        var repo = lab.Catalog.Releases.SelectMany((r, i) =>
            AllPackages(lab).Select(p => $"{r.Series} {p} {versions.Of(p, i)}"));
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"LAB_START_DELAY={lab.Options.StartDelaySeconds}\nLAB_MIGRATION_ROWS={lab.Options.MigrationRows}\n");
        return new Dictionary<string, string>
        {
            ["releases"] = releases,
            ["packages"] = Lines(packages),
            ["repo"] = Lines(repo),
            ["schemas"] = Lines(LabDatabases.Schemas.Select(s => $"{s.Schema} {s.Service}")),
            ["nodes"] = Lines(lab.Nodes.Select(n => $"{n.Name} {n.Address} {n.RoleName} {n.AvailabilityZone ?? "-"}")),
            ["settings"] = settings,
            ["microversions"] = Lines(Microversions(lab.Catalog)),
        };
    }

    /// <summary>"unit major microversion": what an API unit's version document reports when it runs that major of its
    /// service's code (catalog versions.yaml api), so the lab's APIs say which release they run as real ones do.</summary>
    private static IEnumerable<string> Microversions(OpenStackCatalog catalog) =>
        catalog.CodeVersions
            .Where(c => c.Api is not null)
            .SelectMany(c => c.Api!.Maxima.Where(m => c.Majors.ContainsKey(m.Key))
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{c.Api.Unit} {c.Majors[m.Key]} {m.Value}")));

    /// <summary>Initial cluster state: every schema fully at the lab's release, the VIP on the first controller, the
    /// instances of the lab's nova on their computes.</summary>
    public static IReadOnlyDictionary<string, string> Cluster(LabLayout lab)
    {
        var index = lab.IndexOf(lab.Release);
        var files = LabDatabases.Schemas.ToDictionary(s => $"db/{s.Schema}", _ => $"{index} {index} {index}\n");
        foreach (var service in new[] { "nova", "placement", "cinder" })
        {
            files[$"migrations/{service}"] = "0\n";
        }
        files[$"pacemaker/resource.{LabLayout.ApiVipResource}"] = lab.Controllers.First().Name + "\n";
        foreach (var (name, text) in LabInstance.Files(lab))
        {
            files[name] = text;
        }
        return files;
    }

    /// <summary>node.env, units.list, installed packages and APT state of one node, paths relative to its root.</summary>
    public static IReadOnlyDictionary<string, string> Node(LabLayout lab, LabNode node)
    {
        var (versions, index) = (new LabVersions(lab.Catalog), lab.IndexOf(lab.Release));
        var services = lab.ServicesOn(node);
        var units = services.SelectMany(s => s.UnitsOn(node.Role).Select(u => UnitLine(s, node, u)))
            .Concat(lab.Catalog.InfrastructureOn(node.Role).Where(p => p == MessageBus).Select(p => $"{p} {p} - rabbitmq"));
        var manual = services.SelectMany(s => s.PackagesOn(node.Role)).Distinct().ToList();
        var auto = lab.Catalog.DependenciesOn(node.Role).Concat(lab.Catalog.InfrastructureOn(node.Role)).Distinct().Except(manual);
        var installed = manual.Select(p => $"{p} {versions.Of(p, index)} manual").Concat(auto.Select(p => $"{p} {versions.Of(p, index)} auto"));
        var files = new Dictionary<string, string>
        {
            ["node.env"] = $"LAB_NODE={node.Name}\nLAB_ADDRESS={node.Address}\nLAB_ROLES={node.RoleName}\nLAB_STATE={lab.Paths.State}\n",
            ["units.list"] = Lines(units),
            ["var/lib/dpkg/installed"] = Lines(installed),
            ["var/lib/apt/release"] = lab.Release.Series + "\n",
            ["etc/apt/sources.list.d/" + Path.GetFileName(lab.Catalog.Apt.SourcesFile)] = lab.Catalog.Apt.ContentFor(lab.Release).Replace(Catalog.AptSettings.Codename, "bookworm", StringComparison.Ordinal),
            ["log/commands.log"] = "",
            // The node's boot id (bind-mounted over /proc/sys/kernel/random/boot_id); boot/ is its /boot, empty: no
            // kernel newer than the running one until a test puts one there.
            ["boot_id"] = BootId(lab, node) + "\n",
            ["boot/.lab"] = "",
        };
        // Config files Uplift may read or pin (RPC pins, renamed options), seen by the node at /etc/<service>/.
        foreach (var service in services.Where(s => s.UnitsOn(node.Role).Count > 0 && !s.Database.IsEmpty))
        {
            files[$"etc/{service.Name}/{service.Name}.conf"] = $"# Uplift lab node {node.Name} (rehearsal cluster, not OpenStack)\n[DEFAULT]\n";
        }
        return files;
    }

    /// <summary>A boot id of the node's first boot in the lab, stable per node (as /proc/sys/kernel/random/boot_id prints it).</summary>
    private static string BootId(LabLayout lab, LabNode node) =>
        string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{lab.Nodes.ToList().IndexOf(node) + 1:x12}");

    /// <summary>The infrastructure package that is also a unit of the lab (its message bus, rabbitmqctl's cluster).</summary>
    public const string MessageBus = "rabbitmq-server";

    /// <summary>"unit package port service": the package whose version the unit runs is the one named like
    /// the unit, else the service's last package on the role; port "-" when the unit serves no API.</summary>
    private static string UnitLine(ServiceDefinition service, LabNode node, string unit)
    {
        var packages = service.PackagesOn(node.Role);
        var package = packages.Contains(unit) ? unit : packages[^1];
        var port = service.Backends.FirstOrDefault(b => b.Unit == unit)?.Port.ToString(CultureInfo.InvariantCulture) ?? "-";
        return $"{unit} {package} {port} {service.Name}";
    }

    private static IEnumerable<string> AllPackages(LabLayout lab) =>
        lab.Services.SelectMany(s => s.AnyPackages)
            .Concat(lab.Catalog.Dependencies.Values.SelectMany(d => d))
            .Concat(lab.Catalog.Infrastructure.Values.SelectMany(d => d))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static string Lines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }
}
