using Uplift.Adapters;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Transports;

namespace Uplift.Observation;

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
        CancellationToken cancel = default)
    {
        var releases = targets.Select(t => new UpgradePaths(catalog).Release(t)).ToList();
        var outcomes = await new Transports.SlidingWindow(width).RunAsync(nodes, async (node, token) =>
        {
            var code = ReleaseDetection.CodeOn(node, services, catalog);
            var problems = new List<Diagnostic>();
            foreach (var release in code.Count == 0 ? [] : releases)
            {
                var line = catalog.Apt.LineFor(release);
                // A source line may carry credentials (https://user:pass@repo): messages show it masked.
                var shown = Journal.SecretMask.Apply(line);
                var result = await shells(node).RunAsync(new RemoteCommand(AptSandbox.Policy(line, code.Select(c => c.Package)), TimeSpan.FromMinutes(5)), token)
                    .ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new ObservationFailedException(result.Unreachable
                        ? $"unreachable: {result.StandardError.Trim()}"
                        : $"asking the {release.Series} repository ({shown}) failed (exit {result.ExitCode}): {Journal.SecretMask.Apply(Last(result.StandardError))}");
                }
                problems.AddRange(Read(node, release, shown, code, AptCachePolicy.Parse(result.StandardOutput)));
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

    private static string Last(string text) => text.Trim().Split('\n').LastOrDefault()?.Trim() ?? "";
}
