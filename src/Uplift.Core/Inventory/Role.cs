namespace Uplift.Inventory;

/// <summary>What a node does in the cluster. A node may hold several roles.</summary>
public enum Role
{
    Controller,
    Network,
    Compute,
    Volume,
}
