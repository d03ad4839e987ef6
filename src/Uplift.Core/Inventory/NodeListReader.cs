using Uplift.Diagnostics;
using Uplift.Yaml;
using YamlDotNet.RepresentationModel;

namespace Uplift.Inventory;

/// <summary>Reads the <c>nodes:</c> list: each node's fields, its roles, and names used twice.</summary>
internal static class NodeListReader
{
    internal static readonly string[] Keys = ["name", "address", "roles", "az", "ssh_user", "ssh_port"];

    /// <summary>Role names as written in the file, in the order of <see cref="Role"/>.</summary>
    internal static readonly IReadOnlyDictionary<string, Role> RoleNames = new Dictionary<string, Role>
    {
        ["controller"] = Role.Controller,
        ["network"] = Role.Network,
        ["compute"] = Role.Compute,
        ["volume"] = Role.Volume,
        ["swift-proxy"] = Role.SwiftProxy,
        ["swift-storage"] = Role.SwiftStorage,
        ["telemetry"] = Role.Telemetry,
        ["puppet-master"] = Role.PuppetMaster,
        ["ceph"] = Role.Ceph,
    };

    /// <summary>The nodes that could be read; every problem found on the way is added to <paramref name="problems"/>.</summary>
    public static List<Node> Read(YamlSection root, YamlProblems problems)
    {
        var nodes = new List<Node>();
        var list = root.Value("nodes");
        if (list is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            var where = list ?? root.Place("nodes");
            problems.Add(list is null or YamlSequenceNode ? "the inventory lists no nodes" : "'nodes' must be a list of nodes", where,
                "add 'nodes:' with one '- name: …' item per machine (see docs/inventory.md)");
            return nodes;
        }
        var firstSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var seenAddresses = new Dictionary<string, (string Node, YamlNode Place)>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < sequence.Children.Count; index++)
        {
            var section = YamlSection.From(sequence.Children[index], $"nodes[{index}]", Keys, problems);
            if (section is null)
            {
                continue;
            }
            var name = section.String("name");
            var namePlace = section.Value("name") ?? section.Mapping;
            if (name is null)
            {
                problems.Add($"node #{index + 1} has no name", section.Mapping, "add 'name: <short unique name>'");
            }
            else if (!HostAddress.IsValidName(name))
            {
                problems.Add($"node name '{name}' is not valid", namePlace, $"use {HostAddress.NameRule}");
            }
            else if (firstSeen.TryGetValue(name, out var first))
            {
                problems.Add($"node name '{name}' is used twice: here and at {problems.At(first)}", namePlace,
                    "give every node its own name; remove or rename one of them");
            }
            else
            {
                firstSeen[name] = namePlace;
            }
            var label = name ?? $"#{index + 1}";
            var address = ReadAddress(section, label, problems);
            var roles = ReadRoles(section, label, problems);
            var port = section.Int("ssh_port", 1, 65535);
            if (section.String("ssh_user") is { } user && !HostAddress.IsValidUser(user))
            {
                problems.Add($"node '{label}' has ssh_user '{user}', which is not a login name", section.Value("ssh_user")!, $"write {HostAddress.UserRule}");
            }
            if (address is not null)
            {
                // Two nodes on one address and port are one machine written twice: its steps would run on it twice.
                var endpoint = $"{address}:{port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "ssh.port"}";
                var place = section.Value("address")!;
                if (!seenAddresses.TryAdd(endpoint, (label, place)))
                {
                    problems.Add($"node '{label}' has the address of node '{seenAddresses[endpoint].Node}' ({address}, at {problems.At(seenAddresses[endpoint].Place)})",
                        place, "give each node its own address (or its own ssh_port when several sshd listen on one host)");
                }
            }
            if (name is not null && address is not null && roles is not null)
            {
                nodes.Add(new Node(name, address, roles, section.String("az"), section.String("ssh_user"), port));
            }
        }
        return nodes;
    }

    private static string? ReadAddress(YamlSection node, string name, YamlProblems problems)
    {
        var address = node.String("address");
        if (address is null)
        {
            problems.Add($"node '{name}' has no address", node.Mapping, "add 'address: <IP address or host name SSH connects to>'");
            return null;
        }
        if (!HostAddress.IsValid(address))
        {
            problems.Add($"node '{name}' has address '{address}', which is neither an IP address nor a host name",
                node.Value("address")!, "write an IPv4/IPv6 address or a DNS name; put the SSH port in 'ssh_port'");
            return null;
        }
        return address;
    }

    private static List<Role>? ReadRoles(YamlSection node, string name, YamlProblems problems)
    {
        var written = node.List("roles");
        if (written is null && node.Value("roles") is not null)
        {
            return null; // not a list: already reported
        }
        if (written is null || written.Count == 0)
        {
            problems.Add($"node '{name}' has no roles", node.Value("roles") ?? node.Mapping,
                $"add 'roles: [...]' with at least one of: {string.Join(", ", RoleNames.Keys)}");
            return null;
        }
        var roles = new List<Role>();
        foreach (var (text, place) in written)
        {
            if (RoleNames.TryGetValue(text, out var role))
            {
                if (roles.Contains(role))
                {
                    problems.Add($"node '{name}' lists role '{text}' twice", place, "list each role once");
                }
                else
                {
                    roles.Add(role);
                }
            }
            else
            {
                problems.Add($"node '{name}' has unknown role '{text}'", place, Suggestion.Hint(text, RoleNames.Keys.ToList()));
            }
        }
        return roles;
    }
}
