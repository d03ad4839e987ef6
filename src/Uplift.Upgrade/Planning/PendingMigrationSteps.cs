using Uplift.Planning;
using Uplift.Upgrade.Steps.Database;
namespace Uplift.Upgrade.Planning;

/// <summary>
/// Online data migrations left over from the previous upgrade, run to zero before this one starts. They write to the
/// database, so they are not pre-flight (read-only) and come after the backup.
/// </summary>
internal static class PendingMigrationSteps
{
    public static string Add(HopContext ctx, IEnumerable<string> needs)
    {
        var steps = ctx.Steps;
        var previous = needs.ToArray();
        ctx.Enter(Phases.PendingMigrations, "online data migrations of the running release");
        foreach (var service in ctx.Services.Where(s => s.OnlineMigrations is not null))
        {
            steps.Service = service.Name;
            previous = [steps.Add($"pending-migrations/{service.Name}/online-migrations",
                new CheckOnlineMigrationsStep(StepCommand.Of(service.OnlineMigrations!).WithMaxCount(ctx.Options.OnlineMigrationBatch), ctx.Options.OnlineMigrationBatch), ctx.VipHolder.Name,
                ConcurrencyClasses.Cluster, needs: previous)];
        }
        steps.Service = null;
        return steps.Add("pending-migrations/done", StepKind.Milestone, null, ConcurrencyClasses.Cluster, needs: previous);
    }
}
