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
        last = AddPhase(ctx, service, node, concurrencyClass, last, "db-expand", DatabaseExpandStep.Kind, service.Database.Expand);
        last = AddPhase(ctx, service, node, concurrencyClass, last, "db-migrate", DatabaseMigrateStep.Kind, service.Database.Migrate);
        last = AddPhase(ctx, service, node, concurrencyClass, last, "db-sync", DatabaseSyncStep.Kind, service.Database.Sync);
        return last;
    }

    public static string[] AddContract(HopContext ctx, ServiceDefinition service, Node node, string[] needs, params KeyValuePair<string, string>[] more) =>
        AddPhase(ctx, service, node, ConcurrencyClasses.Cluster, needs, "db-contract", DatabaseContractStep.Kind, service.Database.Contract, more);

    /// <summary>One step per command; a second command of the same phase gets "-2" (nova: api_db sync, then db sync).</summary>
    private static string[] AddPhase(
        HopContext ctx, ServiceDefinition service, Node node, string concurrencyClass, string[] needs,
        string name, StepKind kind, IReadOnlyList<CatalogCommand> commands, params KeyValuePair<string, string>[] more)
    {
        var last = needs;
        for (var i = 0; i < commands.Count; i++)
        {
            var id = $"{service.Name}/{node.Name}/{name}{(i == 0 ? "" : "-" + (i + 1))}";
            var arguments = CommandArguments(commands[i]);
            last = [ctx.Steps.Add(id, kind, node.Name, concurrencyClass, needs: last, arguments: [.. arguments, .. more])];
        }
        return last;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> CommandArguments(CatalogCommand command, params (string, string?)[] more) =>
        Args.Of([("command", command.Command), ("exit-codes", ExitCodeText(command)), .. more]);

    /// <summary>"0=done,1=again,2=failure": the exit-code table the executor interprets.</summary>
    public static string ExitCodeText(CatalogCommand command) =>
        command.ExitCodes is null
            ? "0=done"
            : string.Join(',', command.ExitCodes.Meanings.OrderBy(m => m.Key).Select(m => $"{m.Key}={Kebab(m.Value)}"));

    private static string Kebab(ExitMeaning meaning) => meaning switch
    {
        ExitMeaning.ExpandNeeded => "expand-needed",
        ExitMeaning.ContractNeeded => "contract-needed",
        ExitMeaning.BadInput => "bad-input",
        _ => meaning.ToString().ToLowerInvariant(),
    };
}
