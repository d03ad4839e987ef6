using Uplift.Inventory;

namespace Uplift.Transports;

/// <summary>Where ssh connects for a node: its address, the node's port and user or the inventory's defaults.</summary>
public sealed record SshDestination(string Host, int Port, string User)
{
    public static SshDestination For(Node node, SshSettings settings) =>
        new(node.Address, node.Port ?? settings.Port, node.User ?? settings.User);

    public override string ToString() => $"{User}@{Host}:{Port}";
}
