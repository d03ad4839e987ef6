using System.Text;
using Uplift.Catalog;
using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Journal;
using Uplift.Planning;

namespace Uplift.Observation;

/// <summary>
/// Decides what a run carries out by looking at the nodes first (read-only, nothing changes): what they run, the plan
/// (from what they run, a saved one, or the journal's when every node already runs the target), each hop's target
/// repository, and whether the journal describes these machines. Refusals are input errors (exit 2).
/// </summary>
public sealed class RunPreparation(ClusterInventory inventory, OpenStackCatalog catalog, StateDirectory state, ClusterGate gate)
{
    /// <summary>What to run, with what the nodes showed; <see cref="Plan"/> null when there is nothing to do (<see cref="Note"/> says why).</summary>
    public sealed record Prepared(Plan? Plan, string Json, ClusterObservation Observed, ClusterIdentity? Identity, string? Note);

    /// <summary>A plan to <paramref name="to"/> from what the nodes run (--from, when given, checked against them).</summary>
    public async Task<Prepared> ToTargetAsync(string? from, string to, string via, Func<string, Plan> plan, bool fresh, CancellationToken cancel)
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
        var built = plan(start);
        return await CheckedAsync(built, PlanJson.Write(built), observed, fresh, note, cancel).ConfigureAwait(false);
    }

    /// <summary>A plan made earlier (saved, or the journal's): every node must run a release on its way.</summary>
    public async Task<Prepared> ContinuingAsync(Plan plan, string json, bool fresh, CancellationToken cancel)
    {
        var observed = await gate.ObserveAsync(cancel).ConfigureAwait(false);
        var note = StartingRelease.Continue(observed, catalog, plan.Inputs.From, plan.Inputs.To, plan.Inputs.Options.Via);
        return await CheckedAsync(plan, json, observed, fresh, note, cancel).ConfigureAwait(false);
    }

    private async Task<Prepared> CheckedAsync(Plan plan, string json, ClusterObservation observed, bool fresh, string? note, CancellationToken cancel)
    {
        await gate.CheckRepositoriesAsync(plan, cancel).ConfigureAwait(false);
        var identity = gate.IdentityOf(observed);
        ClusterRun.CheckJournal(state, plan, observed, identity, fresh);
        return new Prepared(plan, json, observed, identity, note);
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
