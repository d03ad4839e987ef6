using Uplift.Nodes;

namespace Uplift.Upgrade.Observation;

/// <summary>A unit of the catalog and the units (packages of the same names) that replace it on some nodes.</summary>
public sealed record UnitAlternative(string Unit, IReadOnlyList<string> Replacements)
{
    /// <summary>The packages that tell which form a node has.</summary>
    public IEnumerable<string> Packages => [Unit, .. Replacements];

    /// <summary>The node runs the alternative form: every replacement is installed and the unit's own package is not.</summary>
    public bool IsChosen(DpkgQueryResult installed) =>
        installed.Find(Unit) is not { IsInstalled: true } && Replacements.All(r => installed.Find(r) is { IsInstalled: true });
}
