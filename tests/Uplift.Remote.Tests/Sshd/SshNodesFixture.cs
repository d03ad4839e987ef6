using Uplift.Inventory;
using Uplift.Testing.Sshd;

namespace Uplift.Tests.Sshd;

/// <summary>
/// Twenty real sshd nodes on 127.0.30.1–20:2222 (this project's range), logging in to the /bin/sh account
/// uplift-t. Started once for the "sshd" collection; dispose removes processes, files and the account.
/// </summary>
public sealed class SshNodesFixture : IAsyncLifetime
{
    public const int Port = 2222;
    private LoopbackSshCluster? _cluster;

    public LoopbackSshCluster Cluster => _cluster ?? throw new InvalidOperationException("the sshd nodes are not started");

    public IReadOnlyList<Node> Nodes => Cluster.Nodes;

    public SshSettings Ssh => Cluster.Ssh;

    public async Task InitializeAsync()
    {
        var nodes = Enumerable.Range(1, 20)
            .Select(i => new Node($"node{i:00}", $"127.0.30.{i}", [i <= 3 ? Role.Controller : Role.Compute]))
            .ToList();
        _cluster = await LoopbackSshCluster.StartAsync(nodes, Port, "uplift-t");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
