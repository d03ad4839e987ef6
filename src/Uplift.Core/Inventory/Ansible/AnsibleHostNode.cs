using System.Globalization;
using Uplift.Yaml;

namespace Uplift.Inventory.Ansible;

/// <summary>
/// Turns one Ansible host and its resolved variables into a node. Variables read: ansible_host, ansible_user,
/// ansible_port (and their older ansible_ssh_* names), availability_zone.
/// </summary>
internal static class AnsibleHostNode
{
    /// <summary>kolla-ansible's top-level groups (ansible/inventory/multinode) and the role each stands for.</summary>
    internal static readonly (string Group, Role Role)[] RoleGroups =
    [
        ("control", Role.Controller), ("controller", Role.Controller), ("controllers", Role.Controller),
        ("network", Role.Network),
        ("compute", Role.Compute),
        ("storage", Role.Volume), ("volume", Role.Volume),
    ];

    public static Node? From(AnsibleHost host, IReadOnlyList<Role> roles, IReadOnlyDictionary<string, string> vars, YamlProblems problems)
    {
        var address = First(vars, "ansible_host", "ansible_ssh_host") ?? host.Name;
        var portText = First(vars, "ansible_port", "ansible_ssh_port");
        int? port = null;
        var valid = true;
        if (!HostAddress.IsValidName(host.Name))
        {
            problems.Add($"host name '{host.Name}' cannot be a node name", host.FirstSeen,
                $"node names use {HostAddress.NameRule}; rename the host and keep its address in ansible_host");
            valid = false;
        }
        if (!HostAddress.IsValid(address))
        {
            problems.Add($"host '{host.Name}' has address '{address}', which is neither an IP address nor a host name", host.FirstSeen,
                "fix ansible_host (or the host name when ansible_host is not set)");
            valid = false;
        }
        if (portText is not null)
        {
            if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535)
            {
                port = number;
            }
            else
            {
                problems.Add($"host '{host.Name}' has ansible_port '{portText}', not a port number", host.FirstSeen, "write a number from 1 to 65535");
                valid = false;
            }
        }
        var user = First(vars, "ansible_user", "ansible_ssh_user");
        return valid ? new Node(host.Name, address, roles, First(vars, "availability_zone"), user, port) : null;
    }

    public static string? First(IReadOnlyDictionary<string, string> vars, params string[] keys) =>
        keys.Select(k => vars.TryGetValue(k, out var v) && v.Length > 0 ? v : null).FirstOrDefault(v => v is not null);

    /// <summary>Ansible's truthy spellings for a boolean variable.</summary>
    public static bool IsTrue(string? value) =>
        value is not null && value.ToLowerInvariant() is "true" or "yes" or "on" or "1" or "y";
}
