using Uplift.Execution;
using Uplift.Nodes;
using Uplift.Transports;

namespace Uplift.Upgrade.Steps.Packages;

/// <summary>Asks a node which of some packages an install would change (dpkg-query and apt-cache policy, in one round trip).</summary>
internal static class PackageCheck
{
    /// <summary>The queries, in the order <see cref="ToInstallAsync"/> runs them: an install passes them as its "then".</summary>
    public static IReadOnlyList<string> Queries(IReadOnlyList<string> wanted) => [DpkgQuery.Command(wanted), AptCachePolicy.Command(wanted)];

    /// <param name="installedOnly">Dependencies: only installed packages with a newer candidate. Otherwise missing ones
    /// too, and a package without candidate fails the step.</param>
    public static async Task<IReadOnlyList<string>> ToInstallAsync(StepContext context, string node, PackageTarget target, bool installedOnly)
    {
        var results = await context.RunAllAsync(node, Queries(target.Packages)).ConfigureAwait(false);
        return ToInstall(node, target.Packages, installedOnly, results[0], results[1], target.Code);
    }

    /// <summary>Reads the results of <see cref="Queries"/> (run by the caller, with other queries of its own).</summary>
    /// <param name="code">package → the upstream major it must have (the target's code): such a package on another major
    /// is to install even at its candidate, and a candidate on another major fails the step (the sources are another
    /// release's).</param>
    public static IReadOnlyList<string> ToInstall(
        string node, IReadOnlyList<string> wanted, bool installedOnly, CommandResult query, CommandResult policy,
        IReadOnlyDictionary<string, int>? code = null)
    {
        var installed = Parse(node, () => DpkgQuery.Parse(query.ExitCode, query.StandardOutput, query.StandardError));
        if (policy.ExitCode != 0)
        {
            throw new StepFailedException($"on {node}: 'apt-cache policy' exited {policy.ExitCode}: {policy.StandardError.Trim()}", policy);
        }
        var policies = Parse(node, () => AptCachePolicy.Parse(policy.StandardOutput));
        if (installedOnly)
        {
            return PackageUpgrades.Outdated(installed, policies);
        }
        var unavailable = PackageUpgrades.Unavailable(wanted, policies);
        if (unavailable.Count > 0)
        {
            throw new StepFailedException(
                $"on {node}: apt has no candidate for {string.Join(' ', unavailable)}: are the APT sources switched to the target release (apt-sources step) and apt-get update done?");
        }
        var todo = PackageUpgrades.MissingOrOutdated(wanted, installed, policies).ToList();
        foreach (var (package, major) in code ?? new Dictionary<string, int>())
        {
            var candidate = policies.FirstOrDefault(p => p.Name == package)?.Candidate;
            if (candidate is not null && Catalog.CodeVersions.UpstreamMajor(candidate) != major)
            {
                throw new StepFailedException(
                    $"on {node}: apt offers {package} {candidate}, not the target release's {major}.x: the node's APT sources are " +
                    "another release's (apt-sources step, then apt-get update); nothing was installed");
            }
            if (installed.Find(package) is { IsInstalled: true } at && Catalog.CodeVersions.UpstreamMajor(at.Version) != major && !todo.Contains(package))
            {
                todo.Add(package);
            }
        }
        return todo;
    }

    private static T Parse<T>(string node, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException bad)
        {
            throw new StepFailedException($"on {node}: {bad.Message}");
        }
    }
}
