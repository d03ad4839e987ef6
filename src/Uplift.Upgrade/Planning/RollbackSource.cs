using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Planning;

namespace Uplift.Upgrade.Planning;

/// <summary>The rollback runbook of a cluster's latest run, planned from its journal (<see cref="RollbackPlanner"/>).</summary>
public static class RollbackSource
{
    /// <summary>Journal states of a step that started: it may have changed its node.</summary>
    private static readonly StepState[] Reached = [StepState.Running, StepState.Done, StepState.AlreadyDone, StepState.Failed];

    public static Plan Plan(StateDirectory state, ClusterInventory inventory, OpenStackCatalog catalog)
    {
        var path = state.JournalOf(inventory.Cluster);
        if (!File.Exists(path))
        {
            throw new InputException($"no journal of cluster '{inventory.Cluster}' in {state.Path}: no run to roll back",
                hint: "give the --state-dir the run used");
        }
        using var journal = RunJournal.Open(path);
        if (journal.LatestRun() is not { } run || journal.PlanJson(run.PlanHash) is not { } json)
        {
            throw new InputException($"the journal {path} records no run: nothing to roll back");
        }
        var plan = PlanJson.Parse(Encoding.UTF8.GetBytes(json), $"{inventory.Cluster} journal");
        var reached = journal.Steps(run.PlanHash).Values.Where(s => Reached.Contains(s.State)).Select(s => s.StepId).ToHashSet(StringComparer.Ordinal);
        return RollbackPlanner.Build(plan, reached, inventory, catalog);
    }
}
