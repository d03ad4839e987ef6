using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Nodes;
using Uplift.Transports;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// Before anything changes: the repository of each hop's target release, asked from every node in a sandbox
/// (<see cref="AptSandbox"/>), must offer each of the node's service code packages on that release's major version.
/// A repository that offers another release (forky's keystone 30 is hibiscus, not gazpacho) is refused with the
/// package, the candidate and the release it belongs to.
/// </summary>
public sealed class TargetRepositoryCheck(Func<Node, IRemoteShell> shells, int width = 24)
{
    public async Task CheckAsync(
        IReadOnlyList<Node> nodes, IReadOnlyList<ServiceDefinition> services, OpenStackCatalog catalog, IReadOnlyList<string> targets,
        bool seriesBySeries = true, CancellationToken cancel = default)
    {
        var releases = targets.Select(t => new UpgradePaths(catalog).Release(t)).ToList();
        var outcomes = await new Transports.SlidingWindow(width).RunAsync(nodes, async (node, token) =>
        {
            var code = ReleaseDetection.CodeOn(node, services, catalog);
            var bySeries = seriesBySeries ? SeriesPackagesOn(node, catalog) : [];
            var problems = new List<Diagnostic>();
            var installed = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var release in code.Count == 0 && bySeries.Count == 0 ? [] : releases)
            {
                var line = catalog.Apt.LineFor(release);
                // A source line may carry credentials (https://user:pass@repo): messages show it masked.
                var shown = SecretMask.Apply(line);
                var result = await shells(node).RunAsync(
                        new RemoteCommand(AptSandbox.Policy(line, code.Select(c => c.Package).Concat(bySeries)), TimeSpan.FromMinutes(5)), token)
                    .ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new ObservationFailedException(result.Unreachable
                        ? $"unreachable: {result.StandardError.Trim()}"
                        : $"asking the {release.Series} repository ({shown}) failed (exit {result.ExitCode}): {SecretMask.Apply(Last(result.StandardError))}");
                }
                var policies = AptCachePolicy.Parse(result.StandardOutput);
                problems.AddRange(Read(node, release, shown, code, policies));
                problems.AddRange(ReadSeries(node, release, catalog, bySeries, policies, installed));
            }
            return problems;
        }, cancellationToken: cancel).ConfigureAwait(false);
        if (outcomes.FirstOrDefault(o => o.Error is not null) is { } failed)
        {
            throw new ObservationFailedException($"cannot check the target repository from {failed.Node.Name}, so nothing was changed: {failed.Error!.Message}");
        }
        var all = outcomes.SelectMany(o => o.Result!).ToList();
        if (all.Count > 0)
        {
            throw new InputException(all);
        }
    }

    /// <summary>The problems of one node's policy output: packages missing, or offered on another release's major. Pure.</summary>
    public static IEnumerable<Diagnostic> Read(Node node, Release release, string line, IReadOnlyList<CodeVersions> code, IReadOnlyList<PackagePolicy> policies)
    {
        foreach (var c in code)
        {
            var candidate = policies.FirstOrDefault(p => p.Name == c.Package)?.Candidate;
            var wanted = c.SeriesText(release.Series) ?? "a known version";
            if (candidate is null)
            {
                yield return new Diagnostic($"{node.Name}: the {release.Series} repository offers no {c.Package} ({c.Service})",
                    Hint: $"check the source '{line}' (catalog apt settings or an overlay); nothing was changed");
            }
            else if (c.SeriesOf(candidate) != release.Series)
            {
                var actual = c.SeriesOf(candidate) is { } series ? $"{series}'s" : "no known release's";
                yield return new Diagnostic(
                    $"{node.Name}: the {release.Series} repository offers {c.Package} {candidate}, which is {actual} {c.Service}, not {release.Series}'s {wanted}",
                    Hint: $"use a repository with {release.Series}'s packages, or an overlay that names the release it really is; nothing was changed");
            }
        }
    }

    /// <summary>The node's infrastructure packages that are upgraded one release series at a time (RabbitMQ).</summary>
    public static IReadOnlyList<string> SeriesPackagesOn(Node node, OpenStackCatalog catalog) =>
        [.. node.Roles.SelectMany(catalog.InfrastructureOn).Where(catalog.SeriesBySeries.ContainsKey).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// A package upgraded series by series whose candidate in <paramref name="release"/>'s repository skips a series from
    /// what the node has (or, over several hops, from the previous hop's candidate, kept in <paramref name="reached"/>).
    /// No I/O; records each candidate in <paramref name="reached"/> for the next hop.
    /// </summary>
    public static IReadOnlyList<Diagnostic> ReadSeries(
        Node node, Release release, OpenStackCatalog catalog, IReadOnlyList<string> packages, IReadOnlyList<PackagePolicy> policies,
        Dictionary<string, string?> reached)
    {
        var problems = new List<Diagnostic>();
        foreach (var package in packages)
        {
            var policy = policies.FirstOrDefault(p => p.Name == package);
            var from = reached.TryGetValue(package, out var earlier) ? earlier : policy?.Installed;
            var to = policy?.Candidate;
            if (from is null || to is null || to == from)
            {
                continue;
            }
            reached[package] = to;
            if (PackageSeries.Jump(package, from, to, catalog.SeriesBySeries[package]) is { } jump)
            {
                problems.Add(new Diagnostic($"{node.Name}: the {release.Series} repository offers {jump}",
                    Hint: $"upgrade {package} one series at a time first (a rolling upgrade per series, from a repository that has it, " +
                        "such as the project's own), then run again" +
                        (package.StartsWith("rabbitmq", StringComparison.Ordinal) ? " (rabbitmq.com/docs/rolling-upgrade)" : "") + "; nothing was changed"));
            }
        }
        return problems;
    }

    private static string Last(string text) => text.Trim().Split('\n').LastOrDefault()?.Trim() ?? "";
}
