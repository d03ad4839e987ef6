namespace Uplift.Inventory;

/// <summary>What a node does in the cluster. A node may hold several roles. Inventory names in
/// <c>NodeListReader.RoleNames</c> ("swift-proxy").</summary>
public enum Role
{
    Controller,
    Network,
    Compute,
    Volume,

    /// <summary>Swift proxy servers, behind HAProxy.</summary>
    SwiftProxy,

    /// <summary>Swift account, container and object servers.</summary>
    SwiftStorage,

    /// <summary>Telemetry nodes (gnocchi's API and metric daemons, where they do not run on controllers).</summary>
    Telemetry,

    /// <summary>The configuration-management host (puppet master): moved to the target release first (sources,
    /// dist-upgrade, puppet server restarted, release named in its configuration), while every agent is disabled.</summary>
    PuppetMaster,

    /// <summary>Ceph nodes (monitors, OSDs): Uplift leaves a node with no other role alone, as the seed's script does.</summary>
    Ceph,
}
