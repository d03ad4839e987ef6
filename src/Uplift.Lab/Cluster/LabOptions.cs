using Uplift.Catalog;
using Uplift.Diagnostics;

namespace Uplift.Lab;

/// <summary>What <c>uplift lab up</c> builds. Defaults: the example cluster of the issue (3 controllers,
/// 2 network, 6 computes, 1 volume node) on epoxy, small lab waits.</summary>
/// <param name="StartDelaySeconds">How long a started API unit takes to answer (imitates a real service
/// coming up). Zero for benchmarks that measure Uplift's own overhead.</param>
/// <param name="MigrationRows">Rows of online data migrations a schema sync leaves for nova, placement and cinder.</param>
/// <param name="InstancesPerCompute">Instances the lab's nova places on each compute at the start (ACTIVE, live-migratable).
/// None unless asked (a compute with instances makes a run without --live-migrate stop at its check-empty step);
/// <c>uplift lab up</c> asks for <see cref="DefaultInstancesPerCompute"/>.</param>
/// <param name="AlternativesOn">Nodes (names, space or comma separated) that have the catalog's alternative units in place
/// of its own: Debian's neutron-api and neutron-rpc-server packages and units instead of neutron-server.</param>
/// <param name="OpenStack">Nodes of real OpenStack code (Debian's packages in a root tree per node, docs/lab.md) instead of shims.</param>
public sealed record LabOptions(
    int Controllers = 3,
    int Network = 2,
    int Computes = 6,
    int Volumes = 1,
    string Release = "epoxy",
    string StateDirectory = LabOptions.DefaultStateDirectory,
    double StartDelaySeconds = 0.2,
    int MigrationRows = 2500,
    int InstancesPerCompute = 0,
    string AlternativesOn = "",
    bool OpenStack = false)
{
    /// <summary>What <c>uplift lab up</c> creates per compute unless told otherwise (--instances).</summary>
    public const int DefaultInstancesPerCompute = 2;

    public const string DefaultStateDirectory = "/var/lib/uplift-lab";

    /// <summary>127.0.10.1 … 127.0.10.249 for nodes; .250 is the VIP.</summary>
    public const int MaxNodes = 249;

    public int NodeCount => Controllers + Network + Computes + Volumes;

    /// <summary>The node names <see cref="AlternativesOn"/> lists.</summary>
    public IReadOnlyList<string> AlternativeNodes => AlternativesOn.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every problem at once, or nothing.</summary>
    public void Validate(OpenStackCatalog catalog)
    {
        var problems = new List<Diagnostic>();
        if (Controllers < 1)
        {
            problems.Add(new Diagnostic($"--controllers {Controllers}: the lab needs at least one controller", null, "use --controllers 1 or more"));
        }
        foreach (var (name, count) in new[] { ("network", Network), ("computes", Computes), ("volumes", Volumes) })
        {
            if (count < 0)
            {
                problems.Add(new Diagnostic($"--{name} {count}: a count cannot be negative", null, $"use --{name} 0 or more"));
            }
        }
        if (NodeCount > MaxNodes)
        {
            problems.Add(new Diagnostic($"{NodeCount} nodes asked: the lab has addresses for {MaxNodes} (127.0.10.1-249)", null, "ask for fewer nodes"));
        }
        if (catalog.FindRelease(Release) is null)
        {
            problems.Add(new Diagnostic($"--release {Release}: unknown release", null,
                "use one of: " + string.Join(", ", catalog.Releases.Select(r => r.Series))));
        }
        if (StartDelaySeconds < 0 || MigrationRows < 0 || InstancesPerCompute < 0)
        {
            problems.Add(new Diagnostic("lab waits, migration rows and instances cannot be negative", null, "use 0 or more"));
        }
        var names = new[] { ("ctl", Controllers), ("net", Network), ("cmp", Computes), ("vol", Volumes) }
            .SelectMany(p => Enumerable.Range(1, Math.Max(p.Item2, 0)).Select(i => p.Item1 + i)).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in AlternativeNodes.Where(n => !names.Contains(n)))
        {
            problems.Add(new Diagnostic($"--alternatives-on {unknown}: the lab has no such node", null, "name lab nodes, e.g. ctl2"));
        }
        if (OpenStack && !RootTree.SuiteOf.ContainsKey(Release))
        {
            problems.Add(new Diagnostic($"--openstack --release {Release}: no Debian suite ships it", null,
                "use --release " + string.Join(" or ", RootTree.SuiteOf.Keys)));
        }
        if (OpenStack && (Network > 0 || AlternativeNodes.Count > 0))
        {
            problems.Add(new Diagnostic("--openstack: the lab of real code has no network nodes (no Open vSwitch here) and its neutron is always Debian's split units",
                null, "use --network 0 and no --alternatives-on"));
        }
        if (!Path.IsPathFullyQualified(StateDirectory))
        {
            problems.Add(new Diagnostic($"--state-dir {StateDirectory}: must be an absolute path", null, "e.g. /var/lib/uplift-lab"));
        }
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }
}
