using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Observation;
using Uplift.Planning;
using Uplift.Transports;

namespace Uplift.Cli.Commands;

/// <summary>Reads what the inventory's nodes run over SSH (the inventory's settings, strict host keys).</summary>
internal static class ClusterObservations
{
    public static async Task<ClusterObservation> ReadAsync(ClusterInventory inventory, OpenStackCatalog catalog, CancellationToken cancel)
    {
        await using var transport = new OpenSshTransport(inventory.Ssh, new OpenSshOptions());
        return await new ClusterObserver(transport.ShellFor).ObserveAsync(inventory.Nodes, ClusterServices.For(inventory, catalog), catalog, cancel);
    }
}
