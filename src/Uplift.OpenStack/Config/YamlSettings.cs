using Uplift.Diagnostics;
using Uplift.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.OpenStack;

/// <summary>
/// A clouds.yaml / secure.yaml document as nested settings that remember where each value came from,
/// so errors can name file:line, and secure.yaml can be merged over clouds.yaml key by key.
/// </summary>
internal sealed class YamlSettings
{
    private YamlSettings(string? scalar, Dictionary<string, YamlSettings>? map, SourceLocation where)
    {
        Scalar = scalar;
        Map = map;
        Where = where;
    }

    public string? Scalar { get; }

    public Dictionary<string, YamlSettings>? Map { get; }

    public SourceLocation Where { get; }

    public YamlSettings? this[string key] => Map is not null && Map.TryGetValue(key, out var value) ? value : null;

    public static YamlSettings Parse(string text, string file) =>
        YamlFile.Parse(text, file).Root is { } root ? From(root, file) : new YamlSettings(null, [], new SourceLocation(file));

    /// <summary>This mapping with <paramref name="over"/>'s keys replacing or (for mappings) merging into its own.</summary>
    public YamlSettings MergedWith(YamlSettings over)
    {
        if (Map is null || over.Map is null)
        {
            return over;
        }
        var merged = new Dictionary<string, YamlSettings>(Map, StringComparer.Ordinal);
        foreach (var (key, value) in over.Map)
        {
            merged[key] = merged.TryGetValue(key, out var mine) ? mine.MergedWith(value) : value;
        }
        return new YamlSettings(null, merged, Where);
    }

    private static YamlSettings From(YamlNode node, string file)
    {
        var where = YamlFile.At(file, node.Start);
        switch (node)
        {
            case YamlScalarNode scalar:
                return new YamlSettings(YamlFile.IsNull(scalar) ? null : scalar.Value, null, where);
            case YamlMappingNode mapping:
                var map = new Dictionary<string, YamlSettings>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    map[key is YamlScalarNode name ? name.Value ?? "" : key.ToString()] = From(value, file);
                }
                return new YamlSettings(null, map, where);
            default:
                // Lists (e.g. "regions") are not used by Uplift; keep their place for error messages.
                return new YamlSettings(null, null, where);
        }
    }
}
