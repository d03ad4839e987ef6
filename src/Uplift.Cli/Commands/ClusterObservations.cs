using System.CommandLine;
using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Transports;
using Uplift.Upgrade.Observation;

namespace Uplift.Cli.Commands;

/// <summary>Reaching the inventory's nodes to read what they run (the inventory's SSH settings, strict host keys).</summary>
internal static class ClusterObservations
{
    public static OpenSshTransport Transport(ClusterInventory inventory, ParseResult parse, bool acceptNewHostKeys = false) =>
        new(inventory.Ssh, SshOptions(parse, acceptNewHostKeys), TimeProvider.System);

    /// <summary>The ssh client's options from the command line: masters kept for the next invocation unless --no-persist.</summary>
    public static OpenSshOptions SshOptions(ParseResult parse, bool acceptNewHostKeys = false) =>
        new(AcceptNewHostKeys: acceptNewHostKeys, KeepMasters: !parse.GetValue<bool>(UpliftCommandLine.NoPersist));

    public static async Task<ClusterObservation> ReadAsync(ClusterInventory inventory, OpenStackCatalog catalog, ParseResult parse, CancellationToken cancel)
    {
        await using var transport = Transport(inventory, parse);
        return await new ClusterGate(inventory, catalog, transport.ShellFor).ObserveAsync(cancel);
    }
}
