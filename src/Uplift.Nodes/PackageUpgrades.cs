namespace Uplift.Nodes;

/// <summary>Decides which packages an install command should name, from what dpkg and apt said.</summary>
public static class PackageUpgrades
{
    /// <summary>
    /// Dependencies: only packages that are installed and whose candidate is newer (Debian order). Naming nothing
    /// else keeps apt from marking new packages "manually installed", and makes a re-run a no-op.
    /// </summary>
    public static IReadOnlyList<string> Outdated(DpkgQueryResult installed, IReadOnlyList<PackagePolicy> policies) =>
        policies.Where(p => installed.Find(p.Name) is { IsInstalled: true } package && IsNewer(p.Candidate, package.Version))
                .Select(p => p.Name)
                .ToList();

    /// <summary>
    /// A service's own packages on a node that runs it: those missing, or installed with a newer candidate.
    /// A package apt has no candidate for is reported by <see cref="Unavailable"/> instead.
    /// </summary>
    public static IReadOnlyList<string> MissingOrOutdated(
        IReadOnlyList<string> wanted, DpkgQueryResult installed, IReadOnlyList<PackagePolicy> policies)
    {
        var result = new List<string>();
        foreach (var name in wanted)
        {
            var policy = policies.FirstOrDefault(p => p.Name == name);
            if (policy?.Candidate is null)
            {
                continue;
            }
            var package = installed.Find(name);
            if (package is not { IsInstalled: true } || IsNewer(policy.Candidate, package.Version))
            {
                result.Add(name);
            }
        }
        return result;
    }

    /// <summary>Wanted packages apt cannot install: unknown to apt-cache or without a candidate (wrong sources?).</summary>
    public static IReadOnlyList<string> Unavailable(IReadOnlyList<string> wanted, IReadOnlyList<PackagePolicy> policies) =>
        wanted.Where(name => policies.FirstOrDefault(p => p.Name == name)?.Candidate is null).ToList();

    private static bool IsNewer(string? candidate, string installed) =>
        candidate is not null && DebianVersion.Compare(candidate, installed) > 0;
}
