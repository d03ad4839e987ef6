using Uplift.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.Yaml;

/// <summary>
/// Collects the problems a reader finds in one YAML file, each at its file:line:column with what to do, so they are
/// reported together (one <see cref="InputException"/>). Readers of several files (the catalog and its overlays) share one
/// list of <see cref="Diagnostic"/>s.
/// </summary>
public sealed class YamlProblems(string source, List<Diagnostic>? shared = null)
{
    private readonly List<Diagnostic> _found = shared ?? [];

    public string Source { get; } = source;

    public bool Any => _found.Count > 0;

    public SourceLocation At(Mark mark) => YamlFile.At(Source, mark);

    public SourceLocation At(YamlNode node) => At(node.Start);

    public void Add(string summary, SourceLocation where, string? hint = null) => _found.Add(new Diagnostic(summary, where, hint));

    public void Add(string summary, YamlNode node, string? hint = null) => Add(summary, At(node), hint);

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputException(_found.OrderBy(d => d.Where?.Line ?? 0).ThenBy(d => d.Where?.Column ?? 0).ToList());
        }
    }
}
