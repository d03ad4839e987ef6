using System.Text.RegularExpressions;
using Uplift.Diagnostics;
using Uplift.Yaml;

namespace Uplift.Inventory.Ansible;

/// <summary>
/// Converts an Ansible inventory (INI or YAML, kolla-ansible style groups) into the native inventory,
/// filling what Ansible does not say with documented defaults (docs/inventory.md, "Importing") and
/// reporting each one. Pure: the caller reads and writes files.
/// </summary>
public static partial class AnsibleInventoryImporter
{
    public const string DefaultApiVip = "openstack-api-vip";

    public static InventoryImport Import(string path, string? cluster = null)
    {
        var bytes = InputFile.ReadAllBytes(path, "the Ansible inventory", "check the file name");
        return Parse(InputFile.Text(bytes), path, cluster);
    }

    /// <summary>Converts inventory text; <paramref name="sourceName"/> is used in messages and to tell YAML from INI.</summary>
    public static InventoryImport Parse(string text, string sourceName, string? cluster = null)
    {
        var problems = new YamlProblems(sourceName);
        var ansible = IsYaml(text, sourceName) ? AnsibleYamlReader.Read(text, problems) : AnsibleIniReader.Read(text, problems);
        foreach (var (loop, where) in ansible.Loops())
        {
            problems.Add($"groups contain each other: {loop}", where, "a group may not be its own child, directly or through others: remove one of these :children lines");
        }
        problems.ThrowIfAny();

        var roleMembers = AnsibleHostNode.RoleGroups.Where(g => ansible.HasGroup(g.Group))
            .Select(g => (g.Role, Members: ansible.Members(g.Group))).ToList();
        var nodes = new List<Node>();
        var leftOut = new List<string>();
        var vars = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var host in ansible.Hosts)
        {
            var roles = Enum.GetValues<Role>().Where(r => roleMembers.Any(m => m.Role == r && m.Members.Contains(host.Name))).ToList();
            if (roles.Count == 0)
            {
                leftOut.Add(host.Name);
                continue;
            }
            vars[host.Name] = ansible.VariablesOf(host);
            if (AnsibleHostNode.From(host, roles, vars[host.Name], problems) is { } node)
            {
                nodes.Add(node);
            }
        }
        if (vars.Count == 0)
        {
            problems.Add("no host is in a control, network, compute or storage group", new SourceLocation(sourceName),
                "put the hosts under [control], [network], [compute] and [storage] (kolla-ansible groups), directly or through :children");
        }
        problems.ThrowIfAny();

        var filled = new List<FilledDefault>();
        var inventory = Complete(nodes, vars.Values.ToList(), ClusterName(cluster, sourceName, filled), sourceName, filled);
        var header = $"Imported from {Path.GetFileName(sourceName)} by 'uplift inventory import'.\n"
            + string.Concat(filled.Select(f => $"Default filled: {f}\n"));
        var yaml = InventoryYamlWriter.Write(inventory, header);
        return new InventoryImport(yaml, InventoryLoader.Parse(yaml, sourceName + " (imported)"), filled, leftOut);
    }

    private static ClusterInventory Complete(List<Node> nodes, List<Dictionary<string, string>> vars, string cluster, string source, List<FilledDefault> filled)
    {
        var ssh = new SshSettings();
        var users = nodes.Select(n => n.User).Distinct().ToList();
        if (users is [{ } sharedUser])
        {
            ssh = ssh with { User = sharedUser };
        }
        else if (users.Contains(null))
        {
            filled.Add(new FilledDefault("ssh.user", ssh.User,
                "used for the hosts without ansible_user; change it if Uplift must log in as another user"));
        }
        var ports = nodes.Select(n => n.Port).Distinct().ToList();
        if (ports is [{ } sharedPort])
        {
            ssh = ssh with { Port = sharedPort };
        }
        nodes = nodes.Select(n => n with
        {
            User = users.Count == 1 ? null : n.User,
            Port = ports.Count == 1 ? null : n.Port,
        }).ToList();
        if (vars.All(v => AnsibleHostNode.IsTrue(AnsibleHostNode.First(v, "ansible_become"))))
        {
            ssh = ssh with { Sudo = true };
        }
        var identities = vars.Select(v => AnsibleHostNode.First(v, "ansible_ssh_private_key_file", "ansible_private_key_file")).Distinct().ToList();
        if (identities is [{ } identity])
        {
            ssh = ssh with { IdentityFile = identity };
        }

        var vipAddress = vars.Select(v => AnsibleHostNode.First(v, "kolla_internal_vip_address")).FirstOrDefault(a => a is not null);
        string? apiVip = null;
        if (nodes.Count(n => n.Has(Role.Controller)) > 1)
        {
            apiVip = DefaultApiVip;
            filled.Add(new FilledDefault("pacemaker.api_vip", apiVip,
                "Ansible inventories do not name the Pacemaker resource holding the API VIP; check it with 'crm resource status'"));
        }
        var haproxy = new HaproxySettings();
        const string CheckHaproxy = "Ansible inventories do not describe HAProxy; check it against haproxy.cfg on a controller";
        filled.Add(new FilledDefault("haproxy.socket", haproxy.Socket, CheckHaproxy));
        filled.Add(new FilledDefault("haproxy.backend_pattern", haproxy.BackendPattern, CheckHaproxy));
        filled.Add(new FilledDefault("haproxy.server_pattern", haproxy.ServerPattern, CheckHaproxy));

        return new ClusterInventory(cluster, nodes, new PacemakerSettings(apiVip, null, vipAddress), haproxy, ssh,
            new ConcurrencySettings(), new DatabaseSettings(), [], source, "");
    }

    private static string ClusterName(string? given, string sourceName, List<FilledDefault> filled)
    {
        if (given is not null)
        {
            return HostAddress.IsValidName(given)
                ? given
                : throw new InputException($"cluster name '{given}' is not valid", hint: $"use {HostAddress.NameRule}");
        }
        var stem = NotInName().Replace(Path.GetFileNameWithoutExtension(sourceName), "-").Trim('-', '.', '_');
        var name = HostAddress.IsValidName(stem) ? stem : "cluster";
        filled.Add(new FilledDefault("cluster", name, "taken from the file name; choose another with --cluster"));
        return name;
    }

    /// <summary>YAML by extension; otherwise YAML when the first line that says something is a bare 'group:' key.</summary>
    private static bool IsYaml(string text, string sourceName)
    {
        var extension = Path.GetExtension(sourceName).ToLowerInvariant();
        if (extension is ".yml" or ".yaml")
        {
            return true;
        }
        if (extension is ".ini")
        {
            return false;
        }
        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && l[0] is not ('#' or ';') && l != "---");
        return first is not null && YamlGroupKey().IsMatch(first);
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex NotInName();

    [GeneratedRegex(@"^[^\s=\[]+:\s*(#.*)?$")]
    private static partial Regex YamlGroupKey();
}
