using System.CommandLine;
using System.Text;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Observation;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Run;

namespace Uplift.Cli.Commands;

/// <summary>`uplift run`, `uplift resume`, `uplift status`: carry out a plan with the executor and read the journal.</summary>
internal static class RunCommands
{
    public static IEnumerable<Command> Create() => [Run(), Resume(), Status(), Report()];

    private static Command Run()
    {
        var planning = new PlanningOptions(required: false);
        var planFile = new Argument<FileInfo?>("plan") { Description = "a saved plan (uplift plan --format json -o FILE) to run exactly", Arity = ArgumentArity.ZeroOrOne };
        var dryRun = new Option<bool>("--dry-run") { Description = "print every command per node without connecting to any (needs --from or a saved plan)" };
        var execution = new ExecutionSwitches();
        var command = new Command("run", "Read what the nodes run, plan from it (or read a saved plan), show it, confirm, and carry it out; a re-run continues where the journal stopped.");
        command.Arguments.Add(planFile);
        planning.AddTo(command);
        command.Options.Add(dryRun);
        execution.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var saved = parse.GetValue(planFile);
            // A state directory that cannot be one is refused before any node is read.
            StateDirectory.Resolve(parse.GetValue(execution.StateDir)?.FullName);
            if (parse.GetValue(dryRun))
            {
                var (dry, _, dryInventory) = saved is not null
                    ? Saved(saved.FullName, parse.GetValue(planning.Inventory)?.FullName, parse.GetValue(planning.Catalog)?.FullName)
                    : Offline(parse, planning);
                using var cloud = execution.Cloud(parse, dry, dryInventory, TimeProvider.System);
                await parse.InvocationConfiguration.Output.WriteAsync(DryRun.Render(dry, RunSession.Handlers(cloud, RunSession.Backups(StateDirectory.Resolve(parse.GetValue(execution.StateDir)?.FullName), dry))));
                return UpliftCommandLine.Success;
            }
            // A saved plan is checked against its inputs before any node is reached.
            var savedPlan = saved is null ? ((Plan, string, ClusterInventory)?)null
                : Saved(saved.FullName, parse.GetValue(planning.Inventory)?.FullName, parse.GetValue(planning.Catalog)?.FullName);
            if (savedPlan is null && (parse.GetValue(planning.Inventory) is null || parse.GetValue(planning.To) is null))
            {
                throw new InputException("uplift run needs a saved PLAN.json, or --inventory and --to to plan now",
                    hint: "e.g. uplift run --inventory inventory.yaml --to flamingo (the release the nodes run is read from them)");
            }
            var (inventory, catalog) = savedPlan is { } s
                ? (s.Item3, CatalogLoader.Load(parse.GetValue(planning.Catalog)?.FullName))
                : planning.LoadInputs(parse);
            execution.RefuseWithoutTerminal(parse);
            execution.CheckLogJson(parse);
            await using var transport = ClusterObservations.Transport(inventory, parse);
            var preparation = new RunPreparation(inventory, catalog, execution.State(parse), new ClusterGate(inventory, catalog, transport.ShellFor));
            var fresh = parse.GetValue(execution.Fresh);
            var prepared = savedPlan is var (savedRun, savedJson, _)
                ? await preparation.ContinuingAsync(savedRun, savedJson, fresh, cancel)
                : await preparation.ToTargetAsync(parse.GetValue(planning.From), parse.GetValue(planning.To)!, parse.GetValue(planning.Via) ?? "",
                    (from, observed) => Planner.Build(inventory, catalog, from, parse.GetValue(planning.To)!, observed.Into(planning.Options(parse))),
                    fresh, cancel);
            var output = parse.InvocationConfiguration.Output;
            if (prepared.Plan is not { } plan)
            {
                await output.WriteLineAsync(prepared.Note);
                return UpliftCommandLine.Success;
            }
            execution.CheckCloud(parse, plan, inventory);
            if (ExecutionSwitches.Verbosity(parse).Quiet)
            {
                await output.WriteLineAsync($"plan {plan.InputsHash[..12]}: {plan.Steps.Count} steps, {string.Join(" → ", plan.Hops.Select(h => h.From).Append(plan.Hops[^1].To))} (uplift plan shows it)");
            }
            else
            {
                await output.WriteAsync(PlanTreeView.Render(plan));
            }
            await output.WriteLineAsync($"observed: {ObservedView.Summary(prepared.Observed)}");
            if (prepared.Note is not null)
            {
                await output.WriteLineAsync(prepared.Note);
            }
            return await execution.RunAsync(parse, plan, prepared.Json, inventory, transport, (prepared.Observed, prepared.Identity!), confirm: true);
        });
        return command;
    }

    private static Command Resume()
    {
        var where = new JournalChoice();
        var catalog = new Option<FileInfo?>("--catalog") { Description = "catalog overlay file the plan was made with" };
        var execution = new ExecutionSwitches();
        var command = new Command("resume", "Continue the cluster's last run from its journal (steps done are not redone), after checking the nodes are the ones it worked on.");
        where.AddTo(command);
        command.Options.Add(catalog);
        execution.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var (cluster, state) = where.Resolve(parse, execution.StateDir);
            execution.CheckLogJson(parse);
            string json;
            RunRecord run;
            IReadOnlyDictionary<string, StepRecord> done;
            using (var journal = RunJournal.Open(state.JournalOf(cluster)))
            {
                run = journal.LatestRun() ?? throw new InputException($"no run of cluster '{cluster}' in {journal.Path}", hint: "start one with uplift run");
                json = journal.PlanJson(run.PlanHash)!;
                done = journal.Steps(run.PlanHash);
            }
            var plan = PlanJson.Parse(Encoding.UTF8.GetBytes(json), $"{cluster} journal");
            var complete = plan.Steps.Count(s => done.TryGetValue(s.Id, out var r) && r.State.IsComplete());
            var next = plan.Steps.FirstOrDefault(s => !(done.TryGetValue(s.Id, out var r) && r.State.IsComplete()))?.Id ?? "the end-state checks";
            var inventory = InventoryLoader.Load(parse.GetValue(where.Inventory)?.FullName ?? plan.Inputs.InventoryFile);
            var overlay = CatalogLoader.Load(parse.GetValue(catalog)?.FullName);
            PlanFreshness.Check(plan, $"{cluster} journal", inventory, overlay);
            await using var transport = ClusterObservations.Transport(inventory, parse);
            var prepared = await new RunPreparation(inventory, overlay, state, new ClusterGate(inventory, overlay, transport.ShellFor))
                .ContinuingAsync(plan, json, parse.GetValue(execution.Fresh), cancel);
            execution.CheckCloud(parse, plan, inventory);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"resuming run {run.Id} of {cluster} ({run.Outcome ?? "ended without an outcome"}): plan {plan.InputsHash[..12]}, {plan.Inputs.From} → {plan.Inputs.To}; " +
                $"{complete} of {plan.Steps.Count} steps done, continuing from {next}");
            await output.WriteLineAsync($"observed: {ObservedView.Summary(prepared.Observed)}");
            return await execution.RunAsync(parse, plan, json, inventory, transport, (prepared.Observed, prepared.Identity!), confirm: false);
        });
        return command;
    }

    private static Command Status()
    {
        var where = new JournalChoice();
        var stateDir = new Option<DirectoryInfo?>("--state-dir") { Description = "state directory (default $UPLIFT_STATE_DIR or ~/.local/state/uplift)" };
        var observed = new Option<bool>("--observed") { Description = "also read what each node runs now, and flag where it differs from the journal" };
        var catalog = new Option<FileInfo?>("--catalog") { Description = "catalog overlay file the plan was made with (--observed reads the nodes with it)" };
        var json = new Option<bool>("--json") { Description = "write it as JSON (docs/schemas/status.schema.json)" };
        var command = new Command("status", "Show the cluster's last run from its journal: phases, failed and running steps, each node's release (--observed: and what it runs now).");
        where.AddTo(command);
        command.Options.Add(stateDir);
        command.Options.Add(observed);
        command.Options.Add(catalog);
        command.Options.Add(json);
        command.SetAction(async (parse, cancel) =>
        {
            var (cluster, state) = where.Resolve(parse, stateDir);
            using var journal = RunJournal.Open(state.JournalOf(cluster));
            var run = journal.LatestRun() ?? throw new InputException($"no run of cluster '{cluster}' in {journal.Path}", hint: "start one with uplift run");
            var plan = PlanJson.Parse(Encoding.UTF8.GetBytes(journal.PlanJson(run.PlanHash)!), $"{cluster} journal");
            IReadOnlyDictionary<string, string>? now = null;
            if (parse.GetValue(observed))
            {
                var inventory = InventoryLoader.Load(parse.GetValue(where.Inventory)?.FullName ?? plan.Inputs.InventoryFile);
                var nodes = await ClusterObservations.ReadAsync(inventory, CatalogLoader.Load(parse.GetValue(catalog)?.FullName), parse, cancel);
                now = nodes.Nodes.ToDictionary(n => n.Node.Name, n => n.Release);
            }
            var status = Upgrade.Estimate.RunEstimate.Beside(RunStatus.Of(plan, run, journal.Steps(run.PlanHash), now), plan);
            await parse.InvocationConfiguration.Output.WriteAsync(parse.GetValue(json) ? StatusView.ToJson(status) : StatusView.Render(status));
            return UpliftCommandLine.Success;
        });
        return command;
    }

    private static Command Report()
    {
        var where = new JournalChoice();
        var stateDir = new Option<DirectoryInfo?>("--state-dir") { Description = "state directory (default $UPLIFT_STATE_DIR or ~/.local/state/uplift)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "write it here (default: STATE/reports/CLUSTER/run-ID.html, where every run writes it)" };
        var command = new Command("report", "Write the report of the cluster's last run: one self-contained HTML file (inputs, phases, a timeline per node, releases before and after, the API probe over time, the backup, failed steps).");
        where.AddTo(command);
        command.Options.Add(stateDir);
        command.Options.Add(output);
        command.SetAction(async (parse, cancel) =>
        {
            var (cluster, state) = where.Resolve(parse, stateDir);
            var path = await Upgrade.Report.RunReports.WriteAsync(state, cluster, parse.GetValue(output)?.FullName);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"report of {cluster}'s last run: {path}");
            return UpliftCommandLine.Success;
        });
        return command;
    }

    private static (Plan, string, ClusterInventory) Saved(string path, string? inventoryPath, string? catalogPath)
    {
        var plan = PlanJson.Read(path);
        var inventory = InventoryLoader.Load(inventoryPath ?? plan.Inputs.InventoryFile);
        PlanFreshness.Check(plan, path, inventory, CatalogLoader.Load(catalogPath));
        return (plan, PlanJson.Write(plan), inventory);
    }

    /// <summary>A plan made without connecting to any node (--dry-run): --from must be given.</summary>
    private static (Plan, string, ClusterInventory) Offline(ParseResult parse, PlanningOptions planning)
    {
        if (parse.GetValue(planning.Inventory) is null || parse.GetValue(planning.From) is null || parse.GetValue(planning.To) is null)
        {
            throw new InputException("uplift run --dry-run connects to no node: it needs a saved PLAN.json, or --inventory, --from and --to",
                hint: "e.g. uplift run --dry-run --inventory inventory.yaml --from epoxy --to flamingo");
        }
        var (inventory, catalog) = planning.LoadInputs(parse);
        var plan = Planner.Build(inventory, catalog, parse.GetValue(planning.From)!, parse.GetValue(planning.To)!, planning.Options(parse));
        return (plan, PlanJson.Write(plan), inventory);
    }

    /// <summary>Which cluster's journal: --inventory's cluster, --cluster, or the only journal of the state directory.</summary>
    private sealed class JournalChoice
    {
        public Option<FileInfo?> Inventory { get; } = new("--inventory", "-i") { Description = "the cluster's inventory.yaml (names the journal; default: the one the plan was made from)" };

        public Option<string?> Cluster { get; } = new("--cluster") { Description = "cluster name (when the state directory holds several)" };

        public void AddTo(Command command)
        {
            command.Options.Add(Inventory);
            command.Options.Add(Cluster);
        }

        public (string Cluster, StateDirectory State) Resolve(ParseResult parse, Option<DirectoryInfo?> stateDir)
        {
            var state = StateDirectory.Resolve(parse.GetValue(stateDir)?.FullName);
            if (parse.GetValue(Cluster) is { } cluster)
            {
                return (cluster, state);
            }
            if (parse.GetValue(Inventory) is { } file)
            {
                return (InventoryLoader.Load(file.FullName).Cluster, state);
            }
            var journals = Directory.Exists(state.Path) ? Directory.GetFiles(state.Path, "*.journal.sqlite") : [];
            return journals.Length == 1
                ? (Path.GetFileName(journals[0])[..^".journal.sqlite".Length], state)
                : throw new InputException(
                    journals.Length == 0 ? $"no journal in {state.Path}" : $"{journals.Length} clusters have journals in {state.Path}",
                    hint: journals.Length == 0 ? "start a run with uplift run, or give --state-dir"
                        : $"say which with --cluster NAME ({string.Join(", ", journals.Select(j => Path.GetFileName(j)[..^".journal.sqlite".Length]).Order(StringComparer.Ordinal))}) or --inventory FILE");
        }
    }
}
