namespace Uplift.Nodes;

/// <summary>One package's block of <c>apt-cache policy</c>.</summary>
/// <param name="Installed">Installed version; null for "(none)".</param>
/// <param name="Candidate">Version apt-get install would pick; null for "(none)".</param>
/// <param name="Versions">Every version of the version table, in apt's order.</param>
public sealed record PackagePolicy(string Name, string? Installed, string? Candidate, IReadOnlyList<string> Versions)
{
    /// <summary>The versions some repository offers (a source row other than /var/lib/dpkg/status), in apt's order.</summary>
    public IReadOnlyList<string> Offered { get; init; } = Versions;
}
