namespace Uplift.Inventory;

/// <summary>Puppet on the nodes (inventory 'puppet:').</summary>
/// <param name="ManagesNodes">Puppet manages the nodes' configuration: once enabled again after the upgrade, the agent
/// runs once on every node, watched (controllers one at a time, each drained; the others <paramref name="RunsAtOnce"/> at
/// a time), so the configuration converges while the operator looks, not at the agent's next interval.</param>
/// <param name="RunsAtOnce">Agent runs at once on nodes other than controllers (the seed's script: 8).</param>
/// <param name="ServerUnit">The puppet server's unit on the puppet master (a node with the role puppet-master), restarted
/// once it runs the new release's manifests.</param>
/// <param name="ReleaseFile">An ini file on the puppet master naming the OpenStack release its manifests deploy (the
/// seed's installer: /etc/openstack-cluster-installer/openstack-cluster-installer.conf), set to the target; null when
/// there is none.</param>
/// <param name="ReleaseSection">Its section ("releasenames").</param>
/// <param name="ReleaseOption">Its option ("openstack_release").</param>
public sealed record PuppetSettings(
    bool ManagesNodes = false,
    int RunsAtOnce = 8,
    string ServerUnit = "puppetserver",
    string? ReleaseFile = null,
    string ReleaseSection = "releasenames",
    string ReleaseOption = "openstack_release");
