using Uplift.Diagnostics;

namespace Uplift.Inventory.Ansible;

/// <summary>A host of an Ansible inventory with the variables written on its own line or entry.</summary>
internal sealed class AnsibleHost(string name, SourceLocation firstSeen)
{
    public string Name { get; } = name;

    public SourceLocation FirstSeen { get; } = firstSeen;

    public Dictionary<string, string> Vars { get; } = new(StringComparer.Ordinal);
}
