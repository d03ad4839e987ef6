using System.Globalization;
using Uplift.Diagnostics;
using Uplift.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.Inventory;

/// <summary>
/// One mapping of the inventory file with the keys it may hold. Reports unknown keys and values of the
/// wrong type at their line and column, and reads typed values; a bad value reads as absent so the
/// remaining checks still run and every problem is reported at once.
/// </summary>
internal sealed class YamlSection
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private YamlSection(YamlMappingNode mapping, string path, IReadOnlyCollection<string> keys, YamlProblems problems)
    {
        Mapping = mapping;
        Path = path;
        Problems = problems;
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : "";
            if (keys.Contains(name))
            {
                _entries[name] = (key, value);
            }
            else
            {
                problems.Add($"unknown key '{Qualified(name)}'", key, Suggestion.Hint(name, keys));
            }
        }
    }

    public YamlMappingNode Mapping { get; }

    public YamlProblems Problems { get; }

    public string Path { get; }

    /// <summary>The section under <paramref name="node"/>, or null (reported) when it is not a mapping.</summary>
    public static YamlSection? From(YamlNode? node, string path, IReadOnlyCollection<string> keys, YamlProblems problems)
    {
        if (node is null || IsNull(node))
        {
            return null;
        }
        if (node is YamlMappingNode mapping)
        {
            return new YamlSection(mapping, path, keys, problems);
        }
        problems.Add($"'{path}' must be a mapping of keys to values", node, $"valid keys: {string.Join(", ", keys)}");
        return null;
    }

    public YamlNode? Value(string key) =>
        _entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    /// <summary>Where a key is written (or the section itself when the key is absent).</summary>
    public YamlNode Place(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : Mapping;

    public YamlSection? Section(string key, IReadOnlyCollection<string> keys) => From(Value(key), Qualified(key), keys, Problems);

    public string? String(string key)
    {
        var node = Value(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Value: { } text })
        {
            return text;
        }
        Problems.Add($"'{Qualified(key)}' must be a single value", node, "write it on one line after the key");
        return null;
    }

    public int? Int(string key, int minimum, int maximum = int.MaxValue)
    {
        if (Single(key) is not (var node, var text))
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }
        var range = maximum == int.MaxValue ? $"{minimum} or more" : $"from {minimum} to {maximum}";
        Problems.Add($"'{Qualified(key)}' is '{text}', not a whole number {range}", node, $"write a whole number {range}");
        return null;
    }

    public bool? Bool(string key)
    {
        if (Single(key) is not (var node, var text))
        {
            return null;
        }
        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }
        Problems.Add($"'{Qualified(key)}' is '{text}', not true or false", node, "write true or false");
        return null;
    }

    /// <summary>A single value with its node (where a problem with it is reported); null when absent or not single (reported).</summary>
    private (YamlNode Node, string Text)? Single(string key) => String(key) is { } text ? (Value(key)!, text) : null;

    /// <summary>A list of single values; a lone value is read as a list of one.</summary>
    public IReadOnlyList<(string Text, YamlNode Node)>? List(string key)
    {
        var node = Value(key);
        return node is null ? null : ListOf(node, Qualified(key), Problems);
    }

    public static IReadOnlyList<(string Text, YamlNode Node)>? ListOf(YamlNode node, string path, YamlProblems problems)
    {
        if (node is YamlScalarNode { Value: { } single })
        {
            return [(single, node)];
        }
        if (node is YamlSequenceNode sequence)
        {
            var items = new List<(string, YamlNode)>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode { Value: { } text } && !IsNull(item))
                {
                    items.Add((text, item));
                }
                else
                {
                    problems.Add($"'{path}' must list single values", item, "write one name per item, e.g. [a, b]");
                }
            }
            return items;
        }
        problems.Add($"'{path}' must be a list", node, "write a list, e.g. [a, b]");
        return null;
    }

    public string Qualified(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>An empty value, <c>~</c> or <c>null</c> written unquoted means "not set" (<see cref="YamlFile.IsNull"/>).</summary>
    public static bool IsNull(YamlNode node) => YamlFile.IsNull(node);
}
