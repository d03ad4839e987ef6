namespace Uplift.Inventory;

/// <summary>How many nodes each kind of work touches at once, and the pacing between neutron agents.</summary>
/// <param name="Prepare">Nodes prepared at once (puppet off, APT sources, dependencies). The seed uses 24.</param>
/// <param name="Controllers">Non-VIP controllers upgraded at once for a service.</param>
/// <param name="ComputeBatch">Computes in their dance at once inside an availability zone (after the canary): a compute
/// holds its place from its disable to its enable, and the next one enters as soon as a place frees (no batch barrier).</param>
/// <param name="NeutronAgents">Network nodes whose neutron agents restart at once.</param>
/// <param name="ComputeNeutronAgents">Computes whose neutron agents restart at once (3 in the seed's script), each behind the
/// queue gate and followed by the pause.</param>
/// <param name="NeutronAgentPauseSeconds">Pause after each neutron agent restart (30 s in the seed).</param>
/// <param name="ComputeMaxFailPercent">A zone's computes stop entering when more than this share of them failed.</param>
/// <param name="LiveMigrations">Live migrations in flight at once across the cluster (<see cref="DefaultLiveMigrations"/>).</param>
/// <param name="LiveMigrationsPerHost">Live migrations in flight at once off one compute; nova's own
/// <c>[DEFAULT] max_concurrent_live_migrations</c> defaults to 1 (nova/conf/compute.py) and queues any beyond it.</param>
public sealed record ConcurrencySettings(
    int Prepare = 24,
    int Controllers = 8,
    int ComputeBatch = 10,
    int NeutronAgents = 1,
    int NeutronAgentPauseSeconds = 30,
    int ComputeMaxFailPercent = 0,
    int LiveMigrations = ConcurrencySettings.DefaultLiveMigrations,
    int LiveMigrationsPerHost = 1,
    int ComputeNeutronAgents = 3)
{
    /// <summary>
    /// Sized for one 10 GbE migration network: 8 migrations share it at about 1.2 Gbit/s each, a rate at which the
    /// pre-copy of a moderately busy guest still converges (KubeVirt, which meters the same thing, defaults to 5 per
    /// cluster and 2 per node: parallelMigrationsPerCluster and parallelOutboundMigrationsPerNode, docs.okd.io virt-configuring-live-migration). docs/inventory.md says how to size it.
    /// </summary>
    public const int DefaultLiveMigrations = 8;
}
