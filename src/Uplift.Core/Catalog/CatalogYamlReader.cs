using System.Globalization;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.Catalog;

/// <summary>
/// Reads one catalog YAML file node by node, so every problem carries its file:line:column.
/// Problems are collected, not thrown, so a file's mistakes are reported together.
/// </summary>
internal sealed class CatalogYamlReader(string file, List<Diagnostic> problems)
{
    private readonly YamlProblems _problems = new(file, problems);

    public string File { get; } = file;

    /// <summary>The file's mapping; null when it is empty. A syntax error is fatal and thrown at once with its position.</summary>
    public static YamlMappingNode? Parse(string text, string file)
    {
        var root = YamlFile.Parse(text, file).Root;
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            return null;
        }
        return root as YamlMappingNode
            ?? throw new InputException("the file must be a mapping of keys (e.g. 'services:')", YamlFile.At(file, root.Start));
    }

    public SourceLocation At(YamlNode node) => _problems.At(node);

    public void Problem(YamlNode node, string summary, string? hint = null) => _problems.Add(summary, node, hint);

    /// <summary>The entries of a mapping; keys not in <paramref name="allowed"/> are reported and skipped.</summary>
    public IEnumerable<(string Key, YamlNode Value, YamlNode KeyNode)> Entries(YamlNode node, string what, params string[] allowed)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, $"{what} must be a mapping");
            yield break;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (allowed.Length > 0 && !allowed.Contains(key, StringComparer.Ordinal))
            {
                Problem(keyNode, $"unknown key '{key}' in {what}", $"known keys: {string.Join(", ", allowed)}");
                continue;
            }
            yield return (key, value, keyNode);
        }
    }

    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }
        Problem(node, $"{what} must be a non-empty text value");
        return null;
    }

    public bool Flag(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: "true" or "yes" })
        {
            return true;
        }
        if (node is not YamlScalarNode { Value: "false" or "no" })
        {
            Problem(node, $"{what} must be true or false");
        }
        return false;
    }

    public int? Number(YamlNode node, string what, int min, int max)
    {
        if (node is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }
        Problem(node, $"{what} must be a whole number from {min} to {max}");
        return null;
    }

    public List<string> Texts(YamlNode node, string what)
    {
        var texts = new List<string>();
        if (node is not YamlSequenceNode list)
        {
            Problem(node, $"{what} must be a list, e.g. [a, b]");
            return texts;
        }
        foreach (var item in list.Children)
        {
            if (Text(item, $"each entry of {what}") is { } text)
            {
                texts.Add(text);
            }
        }
        return texts;
    }

    public IEnumerable<YamlNode> Items(YamlNode node, string what)
    {
        if (node is YamlSequenceNode list)
        {
            return list.Children;
        }
        Problem(node, $"{what} must be a list");
        return [];
    }

    public Role? Role(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && NodeListReader.RoleNames.TryGetValue(text, out var role))
        {
            return role;
        }
        Problem(node, $"{what}: unknown role '{(node as YamlScalarNode)?.Value}'", $"known roles: {RoleNames}");
        return null;
    }

    /// <summary>A role → list-of-names mapping (units and packages per role, dependencies).</summary>
    public Dictionary<Role, IReadOnlyList<string>> PerRole(YamlNode node, string what)
    {
        var perRole = new Dictionary<Role, IReadOnlyList<string>>();
        foreach (var (key, value, keyNode) in Entries(node, what))
        {
            if (Role(keyNode, what) is { } role)
            {
                perRole[role] = Texts(value, $"{what} of {key}");
            }
        }
        return perRole;
    }

    public static string RoleNames => string.Join(", ", NodeListReader.RoleNames.Keys);
}
