using Uplift.Inventory;

namespace Uplift.Lab;

/// <summary>One node of the lab: its own loopback address and sshd, one role.</summary>
/// <param name="AvailabilityZone">Computes are split into az1 and az2 so per-AZ batches can be rehearsed.</param>
public sealed record LabNode(string Name, string Address, Role Role, string? AvailabilityZone = null)
{
    /// <summary>Role as written in the inventory and in the shims' files.</summary>
    public string RoleName => Role.ToString().ToLowerInvariant();
}
