using Uplift.Diagnostics;

namespace Uplift.Inventory.Ansible;

/// <summary>
/// An Ansible inventory as read from INI or YAML: groups, hosts and variables, with Ansible's rules for
/// group membership (through children, at any depth) and variable precedence (all, then parents before
/// children, then the host itself).
/// </summary>
internal sealed class AnsibleInventory
{
    public const string All = "all";

    private readonly Dictionary<string, AnsibleGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnsibleHost> _hosts = new(StringComparer.Ordinal);
    private readonly List<AnsibleHost> _hostOrder = [];
    private List<(AnsibleGroup Group, HashSet<string> Members)>? _precedence;

    public AnsibleInventory() => Group(All);

    public IReadOnlyList<AnsibleHost> Hosts => _hostOrder;

    public IEnumerable<AnsibleGroup> Groups => _groups.Values;

    public AnsibleGroup Group(string name)
    {
        if (!_groups.TryGetValue(name, out var group))
        {
            _groups[name] = group = new AnsibleGroup(name);
        }
        return group;
    }

    public bool HasGroup(string name) => _groups.ContainsKey(name);

    /// <summary>Adds a host to a group (creating the host on first sight) and returns it.</summary>
    public AnsibleHost AddHost(string groupName, string hostName, SourceLocation where)
    {
        if (!_hosts.TryGetValue(hostName, out var host))
        {
            _hosts[hostName] = host = new AnsibleHost(hostName, where);
            _hostOrder.Add(host);
        }
        Group(groupName).Add(hostName);
        return host;
    }

    /// <summary>
    /// Each child edge that closes a loop of groups (a:children names b, b:children names a), with the loop it closes.
    /// Ansible refuses such a file ("recursive dependency loop"); so does the import.
    /// </summary>
    public IEnumerable<(string Loop, SourceLocation Where)> Loops()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path; true: finished
        var path = new List<string>();
        var loops = new List<(string, SourceLocation)>();
        void Visit(AnsibleGroup group)
        {
            state[group.Name] = false;
            path.Add(group.Name);
            foreach (var (child, where) in group.Children)
            {
                if (!state.TryGetValue(child, out var finished))
                {
                    if (_groups.TryGetValue(child, out var next))
                    {
                        Visit(next);
                    }
                }
                else if (!finished)
                {
                    loops.Add((string.Join(" → ", path.Skip(path.IndexOf(child)).Append(child)), where));
                }
            }
            path.RemoveAt(path.Count - 1);
            state[group.Name] = true;
        }
        foreach (var group in _groups.Values.Where(g => !state.ContainsKey(g.Name)).ToList())
        {
            Visit(group);
        }
        return loops.Distinct();
    }

    /// <summary>Every host of a group, its own and its children's, at any depth.</summary>
    public HashSet<string> Members(string groupName)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([groupName]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || !_groups.TryGetValue(name, out var group))
            {
                continue;
            }
            members.UnionWith(group.Hosts);
            foreach (var (child, _) in group.Children)
            {
                pending.Push(child);
            }
        }
        return members;
    }

    /// <summary>The variables that apply to a host, resolved as Ansible does. Call once reading is finished.</summary>
    public Dictionary<string, string> VariablesOf(AnsibleHost host)
    {
        _precedence ??= Precedence();
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = _precedence.Where(g => g.Group.Name == All || g.Members.Contains(host.Name)).Select(g => g.Group);
        foreach (var group in groups.Append(null))
        {
            foreach (var (key, value) in group?.Vars ?? host.Vars)
            {
                resolved[key] = value;
            }
        }
        return resolved;
    }

    /// <summary>Groups in the order their variables apply (shallow first, then by name), with their members.</summary>
    private List<(AnsibleGroup Group, HashSet<string> Members)> Precedence()
    {
        var depth = Depths();
        return _groups.Values
            .OrderBy(g => depth[g.Name])
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => (g, Members(g.Name)))
            .ToList();
    }

    /// <summary>A group's distance from 'all' along the longest chain of parents (ungrouped groups are at 1).</summary>
    private Dictionary<string, int> Depths()
    {
        var depth = _groups.Keys.ToDictionary(n => n, n => n == All ? 0 : 1, StringComparer.Ordinal);
        // Relax along child edges; bounded by the group count so a cycle cannot loop for ever.
        for (var round = 0; round < _groups.Count; round++)
        {
            var changed = false;
            foreach (var group in _groups.Values)
            {
                foreach (var (child, _) in group.Children)
                {
                    if (group.Name != All && depth.TryGetValue(child, out var d) && d < depth[group.Name] + 1)
                    {
                        depth[child] = depth[group.Name] + 1;
                        changed = true;
                    }
                }
            }
            if (!changed)
            {
                break;
            }
        }
        return depth;
    }
}
