using Uplift.Inventory;

namespace Uplift.Planning;

/// <summary>The concurrency classes a plan uses, with limits from the inventory.</summary>
public static class ConcurrencyClasses
{
    public const string Cluster = "cluster";
    public const string Nodes = "nodes";
    public const string VipHolder = "vip-holder";
    public const string Controllers = "controllers";
    public const string Satellites = "satellites";
    public const string NeutronAgents = "neutron-agents";
    public const string Computes = "computes";
    public const string ComputeAgents = "compute-agents";
    public const string LiveMigrations = "live-migrations";
    public const string Restarts = "staggered-restarts";
    public const string PuppetRuns = "puppet-runs";

    public static IReadOnlyList<ConcurrencyClass> For(ConcurrencySettings limits, PlanOptions options, int puppetRuns = 8) =>
    [
        new(Cluster, 1, "cluster-wide checks and DB work, one at a time"),
        new(Nodes, limits.Prepare, "per-node checks and preparation"),
        new(VipHolder, 1, "the VIP holder, first for every service"),
        new(Controllers, limits.Controllers, "the other controllers, in parallel"),
        new(Satellites, limits.Prepare, "satellite services (volume nodes)"),
        new(NeutronAgents, limits.NeutronAgents, "neutron agents on network nodes, paced"),
        new(ComputeAgents, limits.ComputeNeutronAgents, "neutron agents on computes, paced (queue gate, then the pause)"),
        new(Computes, limits.ComputeBatch, "computes in their dance at once (each from its disable to its enable)", PerNode: true),
        new(LiveMigrations, limits.LiveMigrations, "computes live-migrating their instances at once (the cluster's budget of migrations in flight)"),
        new(PuppetRuns, puppetRuns, "puppet agent runs at once on nodes other than controllers"),
        new(Restarts, 1, "one node at a time: staggered restarts, controllers' infrastructure, nodes serving an API beside the controllers (swift proxies)"),
    ];
}
