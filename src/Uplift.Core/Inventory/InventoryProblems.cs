using Uplift.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplift.Inventory;

/// <summary>
/// Collects every problem found in one input file so they are reported together, each at its place.
/// </summary>
internal sealed class InventoryProblems(string source)
{
    private readonly List<Diagnostic> _found = [];

    public string Source { get; } = source;

    public bool Any => _found.Count > 0;

    public SourceLocation At(Mark mark) => new(Source, (int)mark.Line, (int)mark.Column);

    public SourceLocation At(YamlNode node) => At(node.Start);

    public void Add(string summary, SourceLocation where, string hint) => _found.Add(new Diagnostic(summary, where, hint));

    public void Add(string summary, YamlNode node, string hint) => Add(summary, At(node), hint);

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputException(_found.OrderBy(d => d.Where?.Line ?? 0).ThenBy(d => d.Where?.Column ?? 0).ToList());
        }
    }
}
