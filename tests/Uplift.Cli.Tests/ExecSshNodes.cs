using Uplift.Inventory;
using Uplift.Testing.Sshd;

namespace Uplift.Tests;

/// <summary>Three real sshd nodes (127.0.30.21–23:2222, account uplift-tc) and an inventory.yaml that reaches them.</summary>
public sealed class ExecSshNodes : IAsyncLifetime
{
    private LoopbackSshCluster? _cluster;

    public LoopbackSshCluster Cluster => _cluster ?? throw new InvalidOperationException("the sshd nodes are not started");

    public string Inventory => Path.Combine(Cluster.Directory, "inventory.yaml");

    public async Task InitializeAsync()
    {
        var nodes = Enumerable.Range(21, 3).Select(i => new Node($"n{i}", $"127.0.30.{i}", [i == 21 ? Role.Controller : Role.Compute])).ToList();
        _cluster = await LoopbackSshCluster.StartAsync(nodes, 2222, "uplift-tc");
        var nodeLines = nodes.Select(n => $"  - {{name: {n.Name}, address: {n.Address}, roles: [{n.Roles[0].ToString().ToLowerInvariant()}]}}");
        await File.WriteAllTextAsync(Inventory, $"cluster: exec-test\nnodes:\n{string.Join("\n", nodeLines)}\n{_cluster.InventorySshSection()}");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
