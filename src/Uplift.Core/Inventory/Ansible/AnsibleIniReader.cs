using System.Text.RegularExpressions;
using Uplift.Diagnostics;
using Uplift.Yaml;

namespace Uplift.Inventory.Ansible;

/// <summary>
/// Reads an INI Ansible inventory: <c>[group]</c> host lines with <c>key=value</c> variables,
/// <c>[group:children]</c>, <c>[group:vars]</c>, hosts before any section in 'ungrouped'.
/// Rules from Ansible's <c>lib/ansible/plugins/inventory/ini.py</c>.
/// </summary>
internal static partial class AnsibleIniReader
{
    public static AnsibleInventory Read(string text, YamlProblems problems)
    {
        var inventory = new AnsibleInventory();
        var (group, kind) = ("ungrouped", "hosts");
        var varsSections = new List<(string Group, SourceLocation Where)>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var content = line.Trim();
            var where = new SourceLocation(problems.Source, index + 1, line.Length - line.TrimStart().Length + 1);
            if (content.Length == 0 || content[0] is '#' or ';')
            {
                continue;
            }
            if (content[0] == '[' && Section().Match(content) is { Success: true } section)
            {
                (group, kind) = (section.Groups["name"].Value, section.Groups["kind"].Success ? section.Groups["kind"].Value : "hosts");
                if (kind is not ("hosts" or "children" or "vars"))
                {
                    problems.Add($"section [{group}:{kind}] is not a kind Ansible knows", where,
                        "write [group], [group:children] or [group:vars]");
                    kind = "skip";
                }
                else if (kind == "vars")
                {
                    varsSections.Add((group, where));
                }
                else
                {
                    inventory.Group(group).DefinedAt ??= where;
                }
                continue;
            }
            if (content[0] == '[')
            {
                problems.Add($"'{content}' is not a section header", where, "write [group], [group:children] or [group:vars], with no spaces");
                continue;
            }
            try
            {
                ReadLine(inventory, group, kind, content, where, problems);
            }
            catch (FormatException bad)
            {
                problems.Add($"cannot read '{content}': {bad.Message}", where, "fix the line (see Ansible's INI inventory format)");
            }
        }
        CheckReferences(inventory, varsSections, problems);
        return inventory;
    }

    private static void ReadLine(AnsibleInventory inventory, string group, string kind, string content, SourceLocation where, YamlProblems problems)
    {
        switch (kind)
        {
            case "children":
                var child = IniWords.Split(content);
                if (child.Count != 1)
                {
                    throw new FormatException("a [group:children] line names one group");
                }
                inventory.Group(group).Children.Add((child[0], where));
                break;
            case "vars":
                var equals = content.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new FormatException("a [group:vars] line must be key=value");
                }
                var value = IniWords.Split(content[(equals + 1)..]);
                inventory.Group(group).Vars[content[..equals].Trim()] = string.Join(' ', value);
                break;
            case "hosts":
                ReadHostLine(inventory, group, IniWords.Split(content), where, problems);
                break;
        }
    }

    private static void ReadHostLine(AnsibleInventory inventory, string group, List<string> words, SourceLocation where, YamlProblems problems)
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in words.Skip(1))
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"'{assignment}' is not a key=value host variable");
            }
            vars[assignment[..equals]] = assignment[(equals + 1)..];
        }
        var pattern = words[0];
        if (HostWithPort().Match(pattern) is { Success: true } withPort)
        {
            pattern = withPort.Groups["host"].Value;
            vars.TryAdd("ansible_port", withPort.Groups["port"].Value);
        }
        IReadOnlyList<string> names;
        try
        {
            names = HostRange.Expand(pattern);
        }
        catch (FormatException bad)
        {
            problems.Add($"bad host range in '{words[0]}': {bad.Message}", where, "write a range as name[01:20] or name[a:c]");
            return;
        }
        foreach (var name in names)
        {
            var host = inventory.AddHost(group, name, where);
            foreach (var (key, value) in vars)
            {
                host.Set(key, value, where, problems);
            }
        }
    }

    private static void CheckReferences(AnsibleInventory inventory, List<(string Group, SourceLocation Where)> varsSections, YamlProblems problems)
    {
        foreach (var group in inventory.Groups.ToList())
        {
            foreach (var (child, where) in group.Children.Where(c => !IsDefined(inventory, c.Name)))
            {
                problems.Add($"[{group.Name}:children] names group '{child}', which is defined nowhere", where,
                    $"add a [{child}] section (it may be empty) or remove the line");
            }
        }
        foreach (var (name, where) in varsSections.Where(v => !IsDefined(inventory, v.Group)))
        {
            problems.Add($"[{name}:vars] is for group '{name}', which is defined nowhere", where,
                $"add a [{name}] section or fix the group name");
        }
    }

    private static bool IsDefined(AnsibleInventory inventory, string name) =>
        name is AnsibleInventory.All or "ungrouped" || inventory.HasGroup(name) && inventory.Group(name).DefinedAt is not null;

    [GeneratedRegex(@"^\[(?<name>[^\]:\s]+)(:(?<kind>[^\]\s]+))?\]\s*([#;].*)?$")]
    private static partial Regex Section();

    // host:port, with ':' inside [a:b] ranges left alone.
    [GeneratedRegex(@"^(?<host>(?:[^:\[\]]|\[[^\]]*\])+):(?<port>[0-9]+)$")]
    private static partial Regex HostWithPort();
}
