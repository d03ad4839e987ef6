using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Nodes;
using Uplift.Transports;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// Names the release a node runs from its installed packages: per service on the node, the version of the package
/// versions.yaml names (python3-nova …), matched to a series by its upstream major. Pure: builds the queries and
/// reads their output.
/// </summary>
public static class ReleaseDetection
{
    public const string MachineIdQuery = "cat /etc/machine-id 2>/dev/null || true";

    /// <summary>The service code packages a node of these roles has (services with a version table only).</summary>
    public static IReadOnlyList<CodeVersions> CodeOn(Node node, IEnumerable<ServiceDefinition> services, OpenStackCatalog catalog) =>
        services
            .Where(s => node.Roles.Any(r => s.PackagesOn(r).Count > 0))
            .Select(s => catalog.CodeVersionsOf(s.Name))
            .OfType<CodeVersions>()
            .ToList();

    /// <summary>The units of the node's services that it may run in another form (<see cref="ServiceDefinition.Alternatives"/>).</summary>
    public static IReadOnlyList<UnitAlternative> AlternativesOn(Node node, IEnumerable<ServiceDefinition> services) =>
        [.. services.SelectMany(s => s.Alternatives
            .Where(a => node.Roles.Any(r => s.UnitsOn(r).Contains(a.Key)))
            .Select(a => new UnitAlternative(a.Key, a.Value)))];

    /// <summary>The commands that observe a node, run as one batch: its code packages (and those of its units'
    /// alternatives), then its machine id.</summary>
    public static IReadOnlyList<string> Queries(IReadOnlyList<CodeVersions> code, IReadOnlyList<UnitAlternative>? alternatives = null)
    {
        var packages = code.Select(c => c.Package).Concat((alternatives ?? []).SelectMany(a => a.Packages)).Distinct(StringComparer.Ordinal).ToList();
        return packages.Count == 0 ? [MachineIdQuery] : [DpkgQuery.Command(packages), MachineIdQuery];
    }

    /// <summary>Reads the results of <see cref="Queries"/>, in the same order.</summary>
    /// <exception cref="FormatException">dpkg-query printed something it does not print.</exception>
    public static ObservedNode Read(
        Node node, IReadOnlyList<CodeVersions> code, IReadOnlyList<CommandResult> results, IReadOnlyList<UnitAlternative>? alternatives = null)
    {
        alternatives ??= [];
        var installed = code.Count == 0 && alternatives.Count == 0
            ? new DpkgQueryResult([], [])
            : DpkgQuery.Parse(results[0].ExitCode, results[0].StandardOutput, results[0].StandardError);
        var observed = code.Select(c => installed.Find(c.Package) is { IsInstalled: true } package
                ? new ObservedCode(c.Service, c.Package, package.Version, c.SeriesOf(package.Version))
                : new ObservedCode(c.Service, c.Package, null, null))
            .ToList();
        var machineId = results[^1].StandardOutput.Trim();
        return new ObservedNode(node, observed, machineId.Length > 0 ? machineId : null)
        {
            Alternatives = [.. alternatives.Where(a => a.IsChosen(installed)).Select(a => a.Unit)],
        };
    }
}
