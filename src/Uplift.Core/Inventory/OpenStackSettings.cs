namespace Uplift.Inventory;

/// <summary>Where the cluster's OpenStack APIs are described (inventory 'openstack:'), for the steps that call them (the
/// compute dance, service checks): an operator need not set OS_CLIENT_CONFIG_FILE and --os-cloud for every run.</summary>
/// <param name="CloudsYaml">clouds.yaml to read (relative to the inventory file); null: openstacksdk's usual places.</param>
/// <param name="Cloud">The cloud of that file; null: --os-cloud or OS_CLOUD.</param>
public sealed record OpenStackSettings(string? CloudsYaml = null, string? Cloud = null);
