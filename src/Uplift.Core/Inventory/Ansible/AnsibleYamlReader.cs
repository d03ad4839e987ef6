using Uplift.Diagnostics;
using Uplift.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.Inventory.Ansible;

/// <summary>
/// Reads a YAML Ansible inventory: top-level groups (usually 'all'), each with <c>hosts</c>, <c>vars</c> and
/// <c>children</c>. Rules from Ansible's <c>lib/ansible/plugins/inventory/yaml.py</c>.
/// </summary>
internal static class AnsibleYamlReader
{
    private static readonly string[] GroupKeys = ["hosts", "vars", "children"];

    public static AnsibleInventory Read(string text, YamlProblems problems)
    {
        var inventory = new AnsibleInventory();
        var root = YamlFile.Parse(text, problems.Source).Root;
        if (root is not YamlMappingNode groups)
        {
            problems.Add("a YAML Ansible inventory must map group names (usually 'all') to groups",
                root is null ? new Diagnostics.SourceLocation(problems.Source, 1, 1) : problems.At(root), "start the file with 'all:'");
            return inventory;
        }
        foreach (var (name, group) in groups.Children)
        {
            ReadGroup(inventory, Text(name), group, name, problems);
        }
        return inventory;
    }

    private static void ReadGroup(AnsibleInventory inventory, string name, YamlNode node, YamlNode nameNode, YamlProblems problems)
    {
        var group = inventory.Group(name);
        group.DefinedAt ??= problems.At(nameNode);
        var section = YamlSection.From(node, name, GroupKeys, problems);
        if (section is null)
        {
            return;
        }
        foreach (var (pattern, vars) in Entries(section, "hosts", problems))
        {
            ReadHosts(inventory, name, pattern, vars, problems);
        }
        foreach (var (key, value) in Entries(section, "vars", problems))
        {
            if (value is YamlScalarNode { Value: { } text })
            {
                group.Vars[Text(key)] = text;
            }
        }
        foreach (var (child, childNode) in Entries(section, "children", problems))
        {
            group.Children.Add((Text(child), problems.At(child)));
            ReadGroup(inventory, Text(child), childNode, child, problems);
        }
    }

    private static void ReadHosts(AnsibleInventory inventory, string group, YamlNode pattern, YamlNode vars, YamlProblems problems)
    {
        IReadOnlyList<string> names;
        try
        {
            names = HostRange.Expand(Text(pattern));
        }
        catch (FormatException bad)
        {
            problems.Add($"bad host range in '{Text(pattern)}': {bad.Message}", pattern, "write a range as name[01:20] or name[a:c]");
            return;
        }
        var hostVars = vars as YamlMappingNode;
        if (hostVars is null && !YamlSection.IsNull(vars))
        {
            problems.Add($"host '{Text(pattern)}' must map variable names to values (or be empty)", vars, "write e.g. 'ansible_host: 10.0.0.11'");
        }
        foreach (var name in names)
        {
            var host = inventory.AddHost(group, name, problems.At(pattern));
            foreach (var (key, value) in hostVars?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                if (value is YamlScalarNode { Value: { } text })
                {
                    host.Set(Text(key), text, problems.At(key), problems);
                }
            }
        }
    }

    /// <summary>The entries of a mapping-valued key; an empty value has none.</summary>
    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlSection section, string key, YamlProblems problems)
    {
        var value = section.Value(key);
        if (value is null)
        {
            return [];
        }
        if (value is YamlMappingNode mapping)
        {
            return mapping.Children;
        }
        problems.Add($"'{section.Qualified(key)}' must be a mapping", value, key == "hosts"
            ? "write each host as a key ending with ':', e.g. 'ctl1:'"
            : $"write '{key}:' followed by indented 'name: value' lines");
        return [];
    }

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } text } ? text : node.ToString();
}
