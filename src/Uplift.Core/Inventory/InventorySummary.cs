namespace Uplift.Inventory;

/// <summary>A few lines describing a cluster for people: node counts per role and zone, VIP, HAProxy, SSH.</summary>
public static class InventorySummary
{
    public static IReadOnlyList<string> Lines(ClusterInventory inventory)
    {
        var roles = Enum.GetValues<Role>()
            .Select(r => (Name: InventoryYamlWriter.RoleName(r), Count: inventory.WithRole(r).Count()))
            .Where(r => r.Count > 0)
            .Select(r => $"{r.Count} {r.Name}");
        var zones = inventory.WithRole(Role.Compute).GroupBy(n => n.AvailabilityZone ?? "(no az)")
            .Select(g => $"{g.Key} {g.Count()}").ToList();
        var pacemaker = inventory.Pacemaker;
        var ssh = inventory.Ssh;
        var lines = new List<string>
        {
            $"cluster {inventory.Cluster}: {inventory.Nodes.Count} nodes ({string.Join(", ", roles)})",
            $"computes per availability zone: {(zones.Count == 0 ? "none" : string.Join(", ", zones))}",
            $"API VIP: {(pacemaker.NoApiVipResource ? "no Pacemaker resource (api_vip: none)" : pacemaker.ApiVip is null ? "none (single controller)" : $"Pacemaker resource {pacemaker.ApiVip}")}"
                + (pacemaker.VipAddress is null ? "" : $" at {pacemaker.VipAddress}")
                + (pacemaker.MessagingVip is null ? "" : $"; messaging VIP {pacemaker.MessagingVip}"),
            $"HAProxy: socket {inventory.Haproxy.Socket}, backends {inventory.Haproxy.BackendPattern}, servers {inventory.Haproxy.ServerPattern}",
            $"SSH: {ssh.User}, port {ssh.Port}{(ssh.JumpHost is null ? "" : $", via {ssh.JumpHost}")}{(ssh.Sudo ? ", sudo" : "")}"
                + (ssh.StrictHostKeyChecking ? ", strict host keys" : ", accepts new host keys"),
        };
        if (inventory.OptionalServices.Count > 0)
        {
            lines.Add($"optional services: {string.Join(", ", inventory.OptionalServices)}");
        }
        lines.Add($"source: {inventory.Source} (sha256 {inventory.ContentHash[..Math.Min(12, inventory.ContentHash.Length)]})");
        return lines;
    }
}
