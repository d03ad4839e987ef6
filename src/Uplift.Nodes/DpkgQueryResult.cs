namespace Uplift.Nodes;

/// <summary>What <c>dpkg-query -W</c> said: the packages it knows, and the names it did not know.</summary>
public sealed record DpkgQueryResult(IReadOnlyList<InstalledPackage> Packages, IReadOnlyList<string> Unknown)
{
    public InstalledPackage? Find(string name) => Packages.FirstOrDefault(p => p.Name == name);
}
