using Uplift.Adapters;

namespace Uplift.Execution;

/// <summary>Asks a node which of some packages an install would change (dpkg-query, then apt-cache policy).</summary>
internal static class PackageCheck
{
    /// <param name="installedOnly">Dependencies: only installed packages with a newer candidate. Otherwise missing ones
    /// too, and a package without candidate fails the step.</param>
    public static async Task<IReadOnlyList<string>> ToInstallAsync(StepContext context, string node, IReadOnlyList<string> wanted, bool installedOnly)
    {
        var query = await context.RunAsync(node, DpkgQuery.Command(wanted)).ConfigureAwait(false);
        var installed = Parse(node, () => DpkgQuery.Parse(query.ExitCode, query.StandardOutput, query.StandardError));
        var policy = await context.RunCheckedAsync(node, AptCachePolicy.Command(wanted)).ConfigureAwait(false);
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
