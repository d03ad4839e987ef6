namespace Uplift.Inventory;

/// <summary>
/// What the operator knows of the cluster that `uplift plan --estimate` cannot: inventory 'estimate:'. A figure left
/// out takes the estimate's documented default (docs/running.md, "How long it will take").
/// </summary>
/// <param name="InstancesPerCompute">Instances a compute holds when its turn comes (what live migration moves).</param>
/// <param name="LiveMigrationSeconds">One instance's live migration, start to settled on its new host, as measured here.</param>
/// <param name="RebootSeconds">A node's reboot when the kernel or OVS changed (the reboot step skips it otherwise).</param>
/// <param name="DependenciesUpgradeSeconds">A node's upgrade of the dependencies before any service (the longest
/// package step: a new Python means byte-compiling hundreds of packages).</param>
/// <param name="DatabaseBackupSeconds">The dump of every schema (docs/backup.md: about 15 MB/s with gzip).</param>
public sealed record EstimateSettings(
    int? InstancesPerCompute = null,
    int? LiveMigrationSeconds = null,
    int? RebootSeconds = null,
    int? DependenciesUpgradeSeconds = null,
    int? DatabaseBackupSeconds = null);
