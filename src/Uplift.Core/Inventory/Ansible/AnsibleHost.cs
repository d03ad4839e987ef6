using Uplift.Diagnostics;
using Uplift.Yaml;

namespace Uplift.Inventory.Ansible;

/// <summary>A host of an Ansible inventory with the variables written on its own line or entry.</summary>
internal sealed class AnsibleHost(string name, SourceLocation firstSeen)
{
    private readonly Dictionary<string, SourceLocation> _setAt = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public SourceLocation FirstSeen { get; } = firstSeen;

    public Dictionary<string, string> Vars { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Sets a host variable written at <paramref name="where"/>. The same host listed in two groups with two values of one
    /// variable (two ansible_host addresses) is refused: Ansible keeps the last silently, Uplift would reach the wrong node.
    /// </summary>
    public void Set(string key, string value, SourceLocation where, YamlProblems problems)
    {
        if (Vars.TryGetValue(key, out var earlier) && earlier != value)
        {
            problems.Add($"host '{Name}' has {key}={value} here but {key}={earlier} at {_setAt[key]}", where,
                "give the host one value: set it on one line, or remove it from the other");
            return;
        }
        Vars[key] = value;
        _setAt.TryAdd(key, where);
    }
}
