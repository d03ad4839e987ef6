using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Transports;
using Uplift.Upgrade.Observation;

namespace Uplift.Cli.Commands;

/// <summary>Reaching the inventory's nodes to read what they run (the inventory's SSH settings, strict host keys).</summary>
internal static class ClusterObservations
{
    public static OpenSshTransport Transport(ClusterInventory inventory) => new(inventory.Ssh, new OpenSshOptions(), TimeProvider.System);

    public static async Task<ClusterObservation> ReadAsync(ClusterInventory inventory, OpenStackCatalog catalog, CancellationToken cancel)
    {
        await using var transport = Transport(inventory);
        return await new ClusterGate(inventory, catalog, transport.ShellFor).ObserveAsync(cancel);
    }
}
