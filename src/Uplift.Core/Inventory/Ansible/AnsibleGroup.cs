using Uplift.Diagnostics;

namespace Uplift.Inventory.Ansible;

/// <summary>A group of an Ansible inventory as written: its own hosts, its child groups and its variables.</summary>
internal sealed class AnsibleGroup(string name)
{
    public string Name { get; } = name;

    public List<string> Hosts { get; } = [];

    public List<(string Name, SourceLocation Where)> Children { get; } = [];

    public Dictionary<string, string> Vars { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the group is defined; null when it is only named as a child.</summary>
    public SourceLocation? DefinedAt { get; set; }
}
