using System.CommandLine;
using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Observation;
using Uplift.Upgrade.Planning;

namespace Uplift.Cli.Commands;

/// <summary>The options every planning command shares (plan, run): inputs and operator choices.</summary>
internal sealed class PlanningOptions
{
    public Option<FileInfo> Inventory { get; } = new("--inventory", "-i") { Description = "the cluster's inventory.yaml", Required = true };

    public Option<string?> From { get; } = new("--from")
    {
        Description = "release the cluster runs now (series or id: epoxy, 2025.1); default: read from the nodes' packages (uplift run always checks it against them)",
    };

    public Option<string> To { get; } = new("--to") { Description = "release to upgrade to", Required = true };

    public Option<string> Via { get; } = new("--via") { Description = "intermediate releases of a multi-hop upgrade, comma-separated" };

    public Option<FileInfo?> Catalog { get; } = new("--catalog") { Description = "catalog overlay file (site services, extra packages)" };

    public Option<string?> VipHolder { get; } = new("--vip-holder") { Description = "controller holding the API VIP (default: the first controller; pre-flight checks it)" };

    public Option<bool> NoDrain { get; } = new("--no-drain") { Description = "UNSAFE: do not drain API servers out of HAProxy (API errors during the upgrade)" };

    public Option<bool> NoBackup { get; } = new("--no-backup-i-have-my-own") { Description = "UNSAFE: skip the verified DB backup (DB downgrades are not supported upstream)" };

    public Option<bool> LiveMigrate { get; } = new("--live-migrate") { Description = "live-migrate instances off each compute before upgrading it" };

    public Option<bool> AllowInstances { get; } = new("--allow-instances") { Description = "upgrade computes that still have instances" };

    public Option<int> OnlineMigrationBatch { get; } = new("--online-migration-batch")
    {
        Description = "rows each round of online data migrations migrates (their --max-count; rounds repeat until none is left)",
        DefaultValueFactory = _ => 1000,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() is var batch && batch < 1)
                {
                    result.AddError($"--online-migration-batch {batch}: give a number of rows, 1 or more");
                }
            },
        },
    };

    /// <param name="required">False where a saved plan may stand in for --inventory, --from and --to (uplift run PLAN.json).</param>
    public PlanningOptions(bool required = true)
    {
        Inventory.Required = To.Required = required;
        foreach (var release in new Option[] { From, To, Via })
        {
            release.CompletionSources.Add(ReleaseSeries);
        }
    }

    /// <summary>Completions of a release option: the embedded catalog's series (read only when completing).</summary>
    public static IEnumerable<System.CommandLine.Completions.CompletionItem> ReleaseSeries(System.CommandLine.Completions.CompletionContext context) =>
        CatalogLoader.LoadEmbedded().Releases.Select(r => new System.CommandLine.Completions.CompletionItem(r.Series));

    /// <summary>--inventory required on its own (uplift plan: --to is checked by the command, not needed with --rollback).</summary>
    public bool InventoryRequired { init => Inventory.Required = value; }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Inventory, From, To, Via, Catalog, VipHolder, NoDrain, NoBackup, LiveMigrate, AllowInstances, OnlineMigrationBatch })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The inventory and the catalog, read at once (a 10,000-node inventory takes a few hundred ms); an inventory's
    /// error is said first, as when they were read one after the other.</summary>
    public (ClusterInventory Inventory, OpenStackCatalog Catalog) LoadInputs(ParseResult parse)
    {
        var catalog = Task.Run(() => CatalogLoader.Load(parse.GetValue(Catalog)?.FullName));
        var inventory = InventoryLoader.Load(parse.GetValue(Inventory)!.FullName);
        return (inventory, catalog.GetAwaiter().GetResult());
    }

    public PlanOptions Options(ParseResult parse, string runId = "") => new(
        Drain: !parse.GetValue(NoDrain),
        LiveMigrate: parse.GetValue(LiveMigrate),
        AllowInstances: parse.GetValue(AllowInstances),
        Backup: !parse.GetValue(NoBackup),
        VipHolder: parse.GetValue(VipHolder),
        OnlineMigrationBatch: parse.GetValue(OnlineMigrationBatch),
        Via: parse.GetValue(Via) ?? "",
        RunId: runId);

    /// <summary>The plan; without --from, the release is read from the nodes over SSH (read-only).</summary>
    public async Task<(Plan Plan, string? Note)> BuildAsync(ParseResult parse, CancellationToken cancel, IPlanListener? listener = null)
    {
        if (parse.GetValue(To) is null)
        {
            throw new Diagnostics.InputException("--to is required: the release to upgrade to", hint: "e.g. uplift plan -i inventory.yaml --to flamingo");
        }
        var (inventory, catalog) = LoadInputs(parse);
        var (from, note, facts) = (parse.GetValue(From), (string?)null, new ObservedInputs("", ""));
        if (from is null)
        {
            await using var transport = ClusterObservations.Transport(inventory, parse);
            var gate = new ClusterGate(inventory, catalog, transport.ShellFor);
            var observed = await gate.ObserveAsync(cancel);
            (from, note) = StartingRelease.Decide(observed, catalog, null, parse.GetValue(To)!, parse.GetValue(Via) ?? "");
            note = $"--from {from}: read from the nodes ({ObservedView.Summary(observed)})" + (note is null ? "" : $"; {note}");
            facts = new ObservedInputs(observed.Alternatives, await gate.HypervisorUpgradesAsync(parse.GetValue(To)!, cancel));
        }
        return (Planner.Build(inventory, catalog, from, parse.GetValue(To)!, facts.Into(Options(parse)), listener), note);
    }
}
