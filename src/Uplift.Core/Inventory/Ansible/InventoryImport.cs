namespace Uplift.Inventory.Ansible;

/// <summary>The result of converting an Ansible inventory.</summary>
/// <param name="Yaml">The native inventory text (docs/inventory.md).</param>
/// <param name="Inventory">That text read back by <see cref="InventoryLoader"/>.</param>
/// <param name="FilledDefaults">Settings Ansible did not give, filled with defaults: to be reported to the operator.</param>
/// <param name="LeftOut">Hosts in none of the control, network, compute or storage groups.</param>
public sealed record InventoryImport(
    string Yaml,
    ClusterInventory Inventory,
    IReadOnlyList<FilledDefault> FilledDefaults,
    IReadOnlyList<string> LeftOut);
