using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Nodes;
using Uplift.Planning;
using Uplift.Transports;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// Before planning (read-only): which of each compute's hypervisor-stack packages (catalog 'hypervisor-stack') the target
/// repository offers newer than installed, asked from the compute in a sandbox (<see cref="AptSandbox"/>). A compute with
/// one is emptied first; the others are upgraded in place, their instances running.
/// </summary>
public sealed class HypervisorStackCheck(Func<Node, IRemoteShell> shells, int width = 24)
{
    public async Task<string> ReadAsync(IReadOnlyList<Node> nodes, OpenStackCatalog catalog, Release target, CancellationToken cancel = default)
    {
        var computes = nodes.Where(n => n.Has(Role.Compute)).ToList();
        if (computes.Count == 0 || catalog.HypervisorStack.Count == 0)
        {
            return "";
        }
        var line = catalog.Apt.LineFor(target);
        var outcomes = await new SlidingWindow(width).RunAsync(computes, async (node, token) =>
        {
            var result = await shells(node).RunAsync(
                new RemoteCommand(AptSandbox.Policy(line, catalog.HypervisorStack.Keys), TimeSpan.FromMinutes(5)), token).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new ObservationFailedException(result.Unreachable
                    ? $"unreachable: {result.StandardError.Trim()}"
                    : $"asking the {target.Series} repository ({Uplift.Execution.Journal.SecretMask.Apply(line)}) failed (exit {result.ExitCode})");
            }
            return Read(node.Name, AptCachePolicy.Parse(result.StandardOutput));
        }, cancellationToken: cancel).ConfigureAwait(false);
        if (outcomes.FirstOrDefault(o => o.Error is not null) is { } failed)
        {
            throw new ObservationFailedException(
                $"cannot read the hypervisor stack's candidates on {failed.Node.Name}, so nothing was planned: {failed.Error!.Message}");
        }
        return HypervisorUpgrade.Format(outcomes.SelectMany(o => o.Result!));
    }

    /// <summary>The installed packages the repository offers in a newer version. Pure.</summary>
    public static IEnumerable<HypervisorUpgrade> Read(string node, IReadOnlyList<PackagePolicy> policies) =>
        policies.Where(p => p.Installed is not null && p.Candidate is not null && DebianVersion.Compare(p.Candidate, p.Installed) > 0)
            .Select(p => new HypervisorUpgrade(node, p.Name, p.Installed!, p.Candidate!));
}
