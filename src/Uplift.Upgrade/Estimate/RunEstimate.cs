using Uplift.Diagnostics;
using Uplift.Execution.Progress;
using Uplift.Inventory;
using Uplift.Planning;

namespace Uplift.Upgrade.Estimate;

/// <summary>
/// The plan's estimate beside a run's status (`uplift status`, the report): made with the figures of the inventory the
/// plan was made from when that file is still there and unchanged, else with the documented defaults.
/// </summary>
public static class RunEstimate
{
    public static RunStatus Beside(RunStatus status, Plan plan)
    {
        var (settings, concurrency) = Figures(plan);
        var estimate = PlanEstimate.Of(plan, settings, concurrency);
        return status.WithEstimate(estimate.Total, estimate.Phases.ToDictionary(p => p.Phase, p => p.Span, StringComparer.Ordinal));
    }

    private static (EstimateSettings, ConcurrencySettings) Figures(Plan plan)
    {
        try
        {
            if (File.Exists(plan.Inputs.InventoryFile))
            {
                var inventory = InventoryLoader.Load(plan.Inputs.InventoryFile);
                if (inventory.ContentHash == plan.Inputs.InventoryHash)
                {
                    return (inventory.Estimate, inventory.Concurrency);
                }
            }
        }
        catch (InputException)
        {
            // An inventory that no longer reads: the documented defaults.
        }
        return (new EstimateSettings(), new ConcurrencySettings());
    }
}
