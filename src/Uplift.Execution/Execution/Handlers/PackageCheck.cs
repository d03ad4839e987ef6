using Uplift.Adapters;
using Uplift.Transports;

namespace Uplift.Execution;

/// <summary>Asks a node which of some packages an install would change (dpkg-query and apt-cache policy, in one round trip).</summary>
internal static class PackageCheck
{
    /// <summary>The queries, in the order <see cref="ToInstallAsync"/> runs them: an install passes them as its "then".</summary>
    public static IReadOnlyList<string> Queries(IReadOnlyList<string> wanted) => [DpkgQuery.Command(wanted), AptCachePolicy.Command(wanted)];

    /// <param name="installedOnly">Dependencies: only installed packages with a newer candidate. Otherwise missing ones
    /// too, and a package without candidate fails the step.</param>
    public static async Task<IReadOnlyList<string>> ToInstallAsync(StepContext context, string node, IReadOnlyList<string> wanted, bool installedOnly)
    {
        var results = await context.RunAllAsync(node, Queries(wanted)).ConfigureAwait(false);
        return ToInstall(node, wanted, installedOnly, results[0], results[1]);
    }

    /// <summary>Reads the results of <see cref="Queries"/> (run by the caller, with other queries of its own).</summary>
    public static IReadOnlyList<string> ToInstall(string node, IReadOnlyList<string> wanted, bool installedOnly, CommandResult query, CommandResult policy)
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
        return PackageUpgrades.MissingOrOutdated(wanted, installed, policies);
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
