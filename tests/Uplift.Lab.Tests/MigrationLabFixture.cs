using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>A lab with two computes holding instances (1 controller, 2 computes, 2 instances each), so that instances
/// have somewhere to go. Uses 127.0.10.1-3 and the VIP.</summary>
public sealed class MigrationLabFixture : LabFixture
{
    public const int InstancesPerCompute = 2;

    protected override LabOptions Options(string state) =>
        new(Controllers: 1, Network: 0, Computes: 2, Volumes: 0, StateDirectory: state, StartDelaySeconds: 0.05, MigrationRows: 0,
            InstancesPerCompute: InstancesPerCompute);

    public IReadOnlyList<string> Computes => [.. Lab.Nodes.Where(n => n.Role == Inventory.Role.Compute).Select(n => n.Name)];

    /// <summary>The cluster's violations file, one line each (empty when none was recorded).</summary>
    public IReadOnlyList<string> Violations()
    {
        var file = Path.Combine(Paths.Cluster, "violations");
        return File.Exists(file) ? File.ReadAllLines(file) : [];
    }

    /// <summary>Every finished live migration: time, instance id, source, destination.</summary>
    public IReadOnlyList<string[]> Moves()
    {
        var file = Path.Combine(Paths.Cluster, "live-migrations.log");
        return File.Exists(file) ? [.. File.ReadAllLines(file).Select(l => l.Split('\t'))] : [];
    }
}
