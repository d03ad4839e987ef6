using Uplift.Diagnostics;

namespace Uplift.Inventory.Ansible;

/// <summary>A group of an Ansible inventory as written: its own hosts, its child groups and its variables.</summary>
internal sealed class AnsibleGroup(string name)
{
    public string Name { get; } = name;

    private readonly HashSet<string> _hostSet = new(StringComparer.Ordinal);
    private readonly List<string> _hosts = [];

    /// <summary>The group's own hosts, in the order first listed.</summary>
    public IReadOnlyList<string> Hosts => _hosts;

    public void Add(string host)
    {
        if (_hostSet.Add(host))
        {
            _hosts.Add(host);
        }
    }

    public List<(string Name, SourceLocation Where)> Children { get; } = [];

    public Dictionary<string, string> Vars { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the group is defined; null when it is only named as a child.</summary>
    public SourceLocation? DefinedAt { get; set; }
}
