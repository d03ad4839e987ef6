using System.Globalization;
using System.Text;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Timing;

namespace Uplift.Upgrade.Estimate;

/// <summary>`uplift plan --estimate`: the total, each phase's window, the critical path by phase and what bounds it.</summary>
public static class EstimateView
{
    public static string Render(Plan plan, PlanEstimate estimate, EstimateSettings settings, ConcurrencySettings concurrency)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Estimate for {plan.Cluster} ({plan.Steps.Count} steps): {Durations.Human(estimate.Total)} if every step succeeds and takes its documented time");
        text.AppendLine("  (durations: docs/running.md \"How long it will take\"; the inventory's 'estimate:' overrides them)");
        if (plan.Steps.Any(s => s.Class == ConcurrencyClasses.LiveMigrations))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  live migration: {settings.InstancesPerCompute ?? StepDurations.InstancesPerCompute} instances per compute, " +
                $"{settings.LiveMigrationSeconds ?? StepDurations.LiveMigrationSeconds} s each, {concurrency.LiveMigrationsPerHost} per host and " +
                $"{concurrency.LiveMigrations} across the cluster at once");
        }
        text.AppendLine().AppendLine("phases (from the start of the run):");
        foreach (var phase in estimate.Phases)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {phase.Phase,-28} {Clock(phase.Start)} → {Clock(phase.End)}  {Durations.Human(phase.Span)}");
        }
        text.AppendLine().AppendLine("critical path by phase:");
        foreach (var phase in estimate.CriticalPathByPhase)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {phase.What,-28} {Durations.Human(phase.Time)}");
        }
        text.AppendLine().AppendLine("bound by (the critical path's time by kind of step):");
        foreach (var bound in estimate.CriticalPath.Take(6))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {bound.What,-28} {Durations.Human(bound.Time)} of {Durations.Human(estimate.Total)}");
        }
        return text.ToString();
    }

    private static string Clock(TimeSpan at) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)at.TotalHours}:{at.Minutes:00}:{at.Seconds:00}");
}
