using Uplift.Planning;
using Uplift.Upgrade.Steps.Database;
namespace Uplift.Upgrade.Planning;

/// <summary>Dump every OpenStack schema and prove the dump restorable: DB downgrades are not supported upstream.</summary>
internal static class BackupSteps
{
    public static string Add(HopContext ctx, string preflightDone)
    {
        var steps = ctx.Steps;
        var node = ctx.DatabaseNode;
        ctx.Enter(Phases.Backup, $"database node {node.Name}");
        var settings = ctx.Inventory.Database;
        // Named by the plan: a resumed run finds its backup; a new plan (new inputs) takes a new one.
        var backup = new BackupLocation(settings.CredentialsFile, settings.BackupDirectory, ctx.PlanId);
        var dump = steps.Add("backup/dump", new DatabaseBackupStep(backup), node.Name, ConcurrencyClasses.Cluster, needs: [preflightDone]);
        return steps.Add("backup/verify", new DatabaseBackupVerifyStep(backup), node.Name, ConcurrencyClasses.Cluster, needs: [dump]);
    }
}
