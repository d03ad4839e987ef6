using Uplift.Diagnostics;
using Uplift.Inventory;

namespace Uplift.Exec;

/// <summary>Which nodes `uplift exec` runs on: every node, the nodes of one role, or nodes named one by one (pure).</summary>
public static class ExecTargets
{
    public static IReadOnlyList<Node> Select(ClusterInventory inventory, string? role, string? names)
    {
        if (role is not null && names is not null)
        {
            throw new InputException("--role and --nodes both given", hint: "choose the nodes with one of them");
        }
        if (role is not null)
        {
            var wanted = Enum.GetValues<Role>().FirstOrDefault(r => string.Equals(InventoryYamlWriter.RoleName(r), role, StringComparison.OrdinalIgnoreCase), (Role)(-1));
            if (!Enum.IsDefined(wanted))
            {
                throw new InputException($"unknown role '{role}'",
                    hint: "valid: " + string.Join(", ", Enum.GetValues<Role>().Select(InventoryYamlWriter.RoleName)));
            }
            var holders = inventory.WithRole(wanted).ToList();
            return holders.Count > 0
                ? holders
                : throw new InputException($"no node of {inventory.Source} has the role {role}", hint: "check the roles in the inventory");
        }
        if (names is null)
        {
            return inventory.Nodes;
        }
        var requested = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = requested.Where(n => inventory.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new InputException(
                unknown.Select(n => new Diagnostic($"no node named '{n}' in {inventory.Source}",
                    Hint: "nodes: " + string.Join(", ", inventory.Nodes.Select(x => x.Name)))).ToList());
        }
        return requested.Count > 0
            ? requested.Select(n => inventory.Find(n)!).ToList()
            : throw new InputException("--nodes is empty", hint: "name nodes separated by commas, e.g. --nodes ctl1,ctl2");
    }
}
