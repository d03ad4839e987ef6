using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Run;

namespace Uplift.Upgrade.Observation;

/// <summary>
/// Decides what a run carries out by looking at the nodes first (read-only, nothing changes): what they run, the plan
/// (from what they run, a saved one, or the journal's when every node already runs the target), each hop's target
/// repository, and whether the journal describes these machines. Refusals are input errors (exit 2).
/// </summary>
public sealed class RunPreparation(ClusterInventory inventory, OpenStackCatalog catalog, StateDirectory state, ClusterGate gate)
{
    /// <summary>What to run, with what the nodes showed; <see cref="Plan"/> null when there is nothing to do (<see cref="Note"/> says why).</summary>
    public sealed record Prepared(Plan? Plan, string Json, ClusterObservation Observed, ClusterIdentity? Identity, string? Note);

    /// <summary>A plan to <paramref name="to"/> from what the nodes run (--from, when given, checked against them);
    /// <paramref name="plan"/> builds it from the starting release and the facts the nodes show (<see cref="ObservedInputs"/>).</summary>
    public async Task<Prepared> ToTargetAsync(string? from, string to, string via, Func<string, ObservedInputs, Plan> plan, bool fresh, CancellationToken cancel)
    {
        var observed = await gate.ObserveAsync(cancel).ConfigureAwait(false);
        if (from is null && AlreadyOn(observed, to) is { } target)
        {
            // Every node runs the target: the journal's plan to it, if any, is run again (what it left is finished, its end
            // state looked at again); without one there is nothing to upgrade.
            if (JournalPlan(target) is not var (earlier, json))
            {
                return new Prepared(null, "", observed, null,
                    $"nothing to upgrade: every node runs {target} ({ObservedView.Summary(observed)}); a minor update is planned with --from {target} --to {target}");
            }
            return await CheckedAsync(earlier, json, observed, fresh,
                $"every node runs {target}: this continues the journal's plan {earlier.Inputs.From} → {target} (its steps done are not redone; its end state is looked at again)",
                cancel).ConfigureAwait(false);
        }
        var (start, note) = StartingRelease.Decide(observed, catalog, from, to, via);
        var built = plan(start, new ObservedInputs(observed.Alternatives, await gate.HypervisorUpgradesAsync(to, cancel).ConfigureAwait(false)));
        return await CheckedAsync(built, PlanJson.Write(built), observed, fresh, note, cancel).ConfigureAwait(false);
    }

    /// <summary>A plan made earlier (saved, or the journal's): every node must run a release on its way.</summary>
    public async Task<Prepared> ContinuingAsync(Plan plan, string json, bool fresh, CancellationToken cancel)
    {
        var observed = await gate.ObserveAsync(cancel).ConfigureAwait(false);
        var note = plan.Inputs.Options.IsRollback
            ? StartingRelease.RollingBack(observed, catalog, plan.Inputs.From, plan.Inputs.To)
            : StartingRelease.Continue(observed, catalog, plan.Inputs.From, plan.Inputs.To, plan.Inputs.Options.Via);
        return await CheckedAsync(plan, json, observed, fresh, note, cancel).ConfigureAwait(false);
    }

    private async Task<Prepared> CheckedAsync(Plan plan, string json, ClusterObservation observed, bool fresh, string? note, CancellationToken cancel)
    {
        CheckAlternatives(plan, observed);
        await gate.CheckRepositoriesAsync(plan, cancel).ConfigureAwait(false);
        var identity = gate.IdentityOf(observed);
        ClusterRun.CheckJournal(state, plan, observed, identity, fresh);
        return new Prepared(plan, json, observed, identity, note);
    }

    /// <summary>A plan names the units each node has (neutron-server, or Debian's neutron-api and neutron-rpc-server): one made
    /// for other units (without reading the nodes, or before they changed) would start units the node does not have.</summary>
    private static void CheckAlternatives(Plan plan, ClusterObservation observed)
    {
        var planned = plan.Inputs.Options.AlternativesByNode();
        var differing = observed.Nodes
            .Where(n => !n.Alternatives.Order(StringComparer.Ordinal).SequenceEqual(planned[n.Node.Name].Order(StringComparer.Ordinal)))
            .Select(n => $"{n.Node.Name} runs {Form(n.Alternatives)}, the plan has {Form(planned[n.Node.Name])}")
            .ToList();
        if (differing.Count > 0)
        {
            throw new InputException($"the plan was made for other units than the nodes have: {string.Join("; ", differing)}",
                hint: "plan again without --from (uplift plan reads the units from the nodes), or let uplift run plan");
        }
        static string Form(IEnumerable<string> alternatives) =>
            alternatives.Any() ? "the alternatives of " + string.Join(", ", alternatives) : "the catalog's units";
    }

    /// <summary>The target's series when every node runs it; null otherwise.</summary>
    private string? AlreadyOn(ClusterObservation observed, string to)
    {
        var target = new UpgradePaths(catalog).Release(to).Series;
        return observed.Nodes.SelectMany(n => n.Series).Distinct().ToList() is [var only] && only == target ? target : null;
    }

    /// <summary>The plan of the cluster's latest run, when it went to <paramref name="target"/> and its inputs are unchanged.</summary>
    private (Plan, string)? JournalPlan(string target)
    {
        if (!File.Exists(state.JournalOf(inventory.Cluster)))
        {
            return null;
        }
        using var journal = RunJournal.Open(state.JournalOf(inventory.Cluster));
        if (journal.LatestRun() is not { } run || journal.PlanJson(run.PlanHash) is not { } json)
        {
            return null;
        }
        var plan = PlanJson.Parse(Encoding.UTF8.GetBytes(json), $"{inventory.Cluster} journal");
        if (plan.Inputs.To != target)
        {
            return null;
        }
        PlanFreshness.Check(plan, $"{inventory.Cluster} journal", inventory, catalog);
        return (plan, json);
    }
}
