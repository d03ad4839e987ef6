namespace Uplift.Inventory;

/// <summary>Puppet on the nodes (inventory 'puppet:').</summary>
/// <param name="ManagesNodes">Puppet manages the nodes' configuration: once enabled again after the upgrade, the agent
/// runs once on every node, watched (controllers one at a time), so the configuration converges while the operator
/// looks, not at the agent's next interval.</param>
public sealed record PuppetSettings(bool ManagesNodes = false);
