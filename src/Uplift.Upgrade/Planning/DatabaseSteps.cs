using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Steps.Database;

namespace Uplift.Upgrade.Planning;

/// <summary>Schema steps of a service as data: expand/migrate/sync on the VIP holder, contract in finalize.</summary>
internal static class DatabaseSteps
{
    public static string[] AddBeforeOthers(HopContext ctx, ServiceDefinition service, Node node, string concurrencyClass, string[] needs)
    {
        var last = needs;
        last = AddPhase(ctx, service, node, concurrencyClass, last, "db-expand", c => new DatabaseExpandStep(c), service.Database.Expand);
        last = AddPhase(ctx, service, node, concurrencyClass, last, "db-migrate", c => new DatabaseMigrateStep(c), service.Database.Migrate);
        last = AddPhase(ctx, service, node, concurrencyClass, last, "db-sync", c => new DatabaseSyncStep(c), service.Database.Sync);
        return last;
    }

    public static string[] AddContract(HopContext ctx, ServiceDefinition service, Node node, string[] needs, params KeyValuePair<string, string>[] marks) =>
        AddPhase(ctx, service, node, ConcurrencyClasses.Cluster, needs, "db-contract", c => new DatabaseContractStep(c), service.Database.Contract, marks);

    /// <summary>One step per command; a second command of the same phase gets "-2" (nova: api_db sync, then db sync).</summary>
    private static string[] AddPhase<TStep>(
        HopContext ctx, ServiceDefinition service, Node node, string concurrencyClass, string[] needs,
        string name, Func<StepCommand, TStep> step, IReadOnlyList<CatalogCommand> commands, params KeyValuePair<string, string>[] marks)
        where TStep : IStepArguments<TStep>
    {
        var last = needs;
        for (var i = 0; i < commands.Count; i++)
        {
            var id = $"{service.Name}/{node.Name}/{name}{(i == 0 ? "" : "-" + (i + 1))}";
            last = [ctx.Steps.Add(id, step(StepCommand.Of(commands[i])), node.Name, concurrencyClass, needs: last, marks: marks)];
        }
        return last;
    }
}
