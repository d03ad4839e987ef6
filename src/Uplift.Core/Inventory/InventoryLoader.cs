namespace Uplift.Inventory;

/// <summary>Reads and validates inventory.yaml. (Implementation in progress.)</summary>
public static class InventoryLoader
{
}
