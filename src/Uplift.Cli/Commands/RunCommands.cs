using System.CommandLine;
using System.Text;
using Spectre.Console;
using Uplift.Catalog;
using Uplift.Diagnostics;
using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Journal;
using Uplift.Observation;
using Uplift.Planning;
using Uplift.Progress;
using Uplift.Transports;

namespace Uplift.Cli.Commands;

/// <summary>`uplift run`, `uplift resume`, `uplift status`: carry out a plan with the executor and read the journal.</summary>
internal static class RunCommands
{
    public static IEnumerable<Command> Create() => [Run(), Resume(), Status()];

    /// <summary>The handlers runs use; the HAProxy, database and OpenStack step kinds register theirs here.</summary>
    /// <param name="cloud">The OpenStack APIs for the compute dance and service checks; without it those kinds stay unbound.</param>
    /// <param name="backups">Where the plan's DB backups are kept on this machine (state directory/backups/cluster); without it the backup kinds stay unbound.</param>
    public static StepHandlers Handlers(ComputeCloud? cloud = null, string? backups = null)
    {
        var handlers = StepHandlers.Standard()
            .With(new Haproxy.HaproxyStepHandler(), StepKind.CheckHaproxyBackends, StepKind.HaproxyDrain, StepKind.HaproxyEnable)
            .With(new Database.UpgradeCheckStepHandler(), StepKind.UpgradeCheck);
        if (backups is not null)
        {
            handlers.With(new Database.BackupStepHandler(backups), StepKind.DatabaseBackup, StepKind.DatabaseBackupVerify);
        }
        return cloud is null ? handlers : handlers.WithOpenStack(cloud);
    }

    private static string Backups(StateDirectory state, Plan plan) => Path.Combine(state.Path, "backups", plan.Cluster);

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
            if (parse.GetValue(dryRun))
            {
                var (dry, _, _) = saved is not null
                    ? Saved(saved.FullName, parse.GetValue(planning.Inventory)?.FullName, parse.GetValue(planning.Catalog)?.FullName)
                    : Offline(parse, planning);
                using var cloud = execution.Cloud(parse, dry, TimeProvider.System);
                await parse.InvocationConfiguration.Output.WriteAsync(DryRun.Render(dry, Handlers(cloud, Backups(StateDirectory.Resolve(parse.GetValue(execution.StateDir)?.FullName), dry))));
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
            await using var transport = ClusterObservations.Transport(inventory);
            var gate = new ClusterGate(inventory, catalog, transport.ShellFor);
            var observed = await gate.ObserveAsync(cancel);
            Plan plan;
            string json;
            string? note;
            if (savedPlan is { } file)
            {
                (plan, json, _) = file;
                note = StartingRelease.Continue(observed, catalog, plan.Inputs.From, plan.Inputs.To, plan.Inputs.Options.Via);
            }
            else if (parse.GetValue(planning.From) is null && AlreadyOn(observed, catalog, parse.GetValue(planning.To)!) is { } target)
            {
                // Every node runs the target: the journal's plan to it, if any, is run again (what it left is finished,
                // its end state looked at again); without one there is nothing to upgrade.
                if (JournalPlan(execution.State(parse), inventory, catalog, target) is not { } earlier)
                {
                    await parse.InvocationConfiguration.Output.WriteLineAsync(
                        $"nothing to upgrade: every node runs {target} ({ObservedView.Summary(observed)}); a minor update is planned with --from {target} --to {target}");
                    return UpliftCommandLine.Success;
                }
                (plan, json) = earlier;
                note = $"every node runs {target}: this continues the journal's plan {plan.Inputs.From} → {target} (its steps done are not redone; its end state is looked at again)";
            }
            else
            {
                string from;
                (from, note) = StartingRelease.Decide(observed, catalog, parse.GetValue(planning.From), parse.GetValue(planning.To)!, parse.GetValue(planning.Via) ?? "");
                plan = Planner.Build(inventory, catalog, from, parse.GetValue(planning.To)!, planning.Options(parse));
                json = PlanJson.Write(plan);
            }
            await gate.CheckRepositoriesAsync(plan, cancel);
            var identity = gate.IdentityOf(observed);
            ClusterRun.CheckJournal(execution.State(parse), plan, observed, identity, parse.GetValue(execution.Fresh));
            var output = parse.InvocationConfiguration.Output;
            await output.WriteAsync(PlanTreeView.Render(plan));
            await output.WriteLineAsync($"observed: {ObservedView.Summary(observed)}");
            if (note is not null)
            {
                await output.WriteLineAsync(note);
            }
            return await execution.RunAsync(parse, plan, json, inventory, transport, (observed, identity), confirm: true);
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
            string json;
            RunRecord run;
            using (var journal = RunJournal.Open(state.JournalOf(cluster)))
            {
                run = journal.LatestRun() ?? throw new InputException($"no run of cluster '{cluster}' in {journal.Path}", hint: "start one with uplift run");
                json = journal.PlanJson(run.PlanHash)!;
            }
            var plan = PlanJson.Parse(Encoding.UTF8.GetBytes(json), $"{cluster} journal");
            var inventory = InventoryLoader.Load(parse.GetValue(where.Inventory)?.FullName ?? plan.Inputs.InventoryFile);
            var overlay = CatalogLoader.Load(parse.GetValue(catalog)?.FullName);
            PlanFreshness.Check(plan, $"{cluster} journal", inventory, overlay);
            await using var transport = ClusterObservations.Transport(inventory);
            var gate = new ClusterGate(inventory, overlay, transport.ShellFor);
            var observed = await gate.ObserveAsync(cancel);
            StartingRelease.Continue(observed, overlay, plan.Inputs.From, plan.Inputs.To, plan.Inputs.Options.Via);
            await gate.CheckRepositoriesAsync(plan, cancel);
            var identity = gate.IdentityOf(observed);
            ClusterRun.CheckJournal(state, plan, observed, identity, parse.GetValue(execution.Fresh));
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"resuming run {run.Id} of {cluster} ({run.Outcome ?? "ended without an outcome"}): plan {plan.InputsHash[..12]}, {plan.Inputs.From} → {plan.Inputs.To}");
            await output.WriteLineAsync($"observed: {ObservedView.Summary(observed)}");
            return await execution.RunAsync(parse, plan, json, inventory, transport, (observed, identity), confirm: false);
        });
        return command;
    }

    private static Command Status()
    {
        var where = new JournalChoice();
        var stateDir = new Option<DirectoryInfo?>("--state-dir") { Description = "state directory (default $UPLIFT_STATE_DIR or ~/.local/state/uplift)" };
        var observed = new Option<bool>("--observed") { Description = "also read what each node runs now, and flag where it differs from the journal" };
        var command = new Command("status", "Show the cluster's last run from its journal: phases, failed and running steps, each node's release (--observed: and what it runs now).");
        where.AddTo(command);
        command.Options.Add(stateDir);
        command.Options.Add(observed);
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
                var nodes = await ClusterObservations.ReadAsync(inventory, CatalogLoader.LoadEmbedded(), cancel);
                now = nodes.Nodes.ToDictionary(n => n.Node.Name, n => n.Release);
            }
            await parse.InvocationConfiguration.Output.WriteAsync(StatusView.Render(plan, run, journal.Steps(run.PlanHash), now));
            return UpliftCommandLine.Success;
        });
        return command;
    }

    private static (Plan, string, ClusterInventory) Saved(string path, string? inventoryPath, string? catalogPath)
    {
        var plan = PlanJson.Read(path);
        var inventory = InventoryLoader.Load(inventoryPath ?? plan.Inputs.InventoryFile);
        PlanFreshness.Check(plan, path, inventory, CatalogLoader.Load(catalogPath));
        return (plan, File.ReadAllText(path), inventory);
    }

    /// <summary>The target's series when every node runs it; null otherwise.</summary>
    private static string? AlreadyOn(ClusterObservation observed, OpenStackCatalog catalog, string to)
    {
        var target = new UpgradePaths(catalog).Release(to).Series;
        var seen = observed.Nodes.SelectMany(n => n.Series).Distinct().ToList();
        return seen is [var only] && only == target ? target : null;
    }

    /// <summary>The plan of the cluster's latest run, when it went to <paramref name="target"/> and its inputs are unchanged.</summary>
    private static (Plan, string)? JournalPlan(StateDirectory state, ClusterInventory inventory, OpenStackCatalog catalog, string target)
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
                    hint: journals.Length == 0 ? "start a run with uplift run, or give --state-dir" : "say which with --cluster NAME or --inventory FILE");
        }
    }

    /// <summary>Options of every command that executes a plan, and the wiring of one execution.</summary>
    private sealed class ExecutionSwitches
    {
        public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "do not ask for confirmation (breakpoints still stop)" };

        public Option<FileInfo?> LogJson { get; } = new("--log-json") { Description = "write every event as one JSON object per line to FILE" };

        public Option<DirectoryInfo?> StateDir { get; } = new("--state-dir") { Description = "state directory (default $UPLIFT_STATE_DIR or ~/.local/state/uplift)" };

        public Option<string[]> PauseBefore { get; } = new("--pause-before") { Description = "ask before the first step of this phase or service (repeatable)", AllowMultipleArgumentsPerToken = true };

        public Option<bool> Step { get; } = new("--step") { Description = "approve each group of steps (a service on a node set, a compute batch) before it starts" };

        public Option<double> ProbeRate { get; } = new("--probe-rate")
        {
            Description = "requests a second to each public endpoint of the cloud's catalog while the run goes, to measure the API downtime it causes (0: off)",
            DefaultValueFactory = _ => 1,
            Validators =
            {
                result =>
                {
                    if (result.GetValueOrDefault<double>() is var rate && (!double.IsFinite(rate) || rate < 0 || rate > 100))
                    {
                        result.AddError($"--probe-rate {rate}: give requests a second from 0 (no probe) to 100");
                    }
                },
            },
        };

        public StateDirectory State(ParseResult parse) => StateDirectory.Resolve(parse.GetValue(StateDir)?.FullName);

        public Option<bool> Fresh { get; } = new("--fresh") { Description = "start the plan afresh: forget the journal's steps of it (when the journal does not describe the cluster as it is now)" };

        public Option<string?> OsCloud { get; } = new("--os-cloud") { Description = "cloud of clouds.yaml for the compute and service-check steps (default $OS_CLOUD; file: $OS_CLIENT_CONFIG_FILE or the usual places)" };

        /// <summary>The OpenStack APIs of the run: clouds.yaml is read only when a compute or service-check step first needs it.</summary>
        public ComputeCloud Cloud(ParseResult parse, Plan plan, TimeProvider time)
        {
            var name = parse.GetValue(OsCloud);
            return new ComputeCloud(() => new OpenStack.OpenStackSession(OpenStack.CloudsFileSearch.ForProcess().Load(name), time),
                plan.LimitOf(ConcurrencyClasses.LiveMigrations));
        }

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Yes, LogJson, StateDir, PauseBefore, Step, OsCloud, ProbeRate, Fresh })
            {
                command.Options.Add(option);
            }
        }

        /// <summary>Without a terminal to confirm on and without --yes nothing would run: say so before reaching any node.</summary>
        public void RefuseWithoutTerminal(ParseResult parse)
        {
            var interactive = !Console.IsInputRedirected && ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out);
            if (!interactive && !parse.GetValue(Yes))
            {
                throw new InputException("no terminal to confirm on: nothing was changed", hint: "pass --yes to run without confirmation");
            }
        }

        public async Task<int> RunAsync(
            ParseResult parse, Plan plan, string json, ClusterInventory inventory, ITransport transport,
            (ClusterObservation, ClusterIdentity) observed, bool confirm)
        {
            var output = parse.InvocationConfiguration.Output;
            var interactive = !Console.IsInputRedirected && ReferenceEquals(output, Console.Out);
            var prompt = new ConsolePrompt(Console.In, output, interactive, parse.GetValue(Yes));
            if (confirm && !await prompt.ConfirmAsync($"Run these {plan.Steps.Count} steps on cluster {plan.Cluster}?", false, CancellationToken.None))
            {
                throw new InputException(interactive ? "not confirmed: nothing was changed" : "no terminal to confirm on: nothing was changed",
                    hint: interactive ? null : "pass --yes to run without confirmation");
            }
            var time = TimeProvider.System;
            using var control = new RunControl();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                Console.Error.WriteLine(control.Interrupt()
                    ? "uplift: aborting: running commands are cancelled"
                    : "uplift: stopping after the running steps (Ctrl-C again to abort)");
            };
            Console.CancelKeyPress += onCancel;
            await using var log = parse.GetValue(LogJson) is { } file ? new StreamWriter(file.FullName, append: true) : null;
            var progress = new RunProgress(time);
            var live = interactive && !parse.GetValue(Step) && (parse.GetValue(PauseBefore) ?? []).Length == 0;
            IRunObserver view = live ? progress : new RunObservers(progress, new PlainProgressWriter(output));
            var events = log is null ? null : new JsonEventLog(log);
            var observer = events is null ? view : new RunObservers(view, events);
            try
            {
                IRemoteShell Shell(string node) => transport.ShellFor(inventory.Find(node)
                    ?? throw new StepFailedException($"node {node} of the plan is not in the inventory {inventory.Source}: plan again"));
                var options = new ExecutionOptions(parse.GetValue(PauseBefore), parse.GetValue(Step));
                using var cloud = Cloud(parse, plan, time);
                var state = StateDirectory.Resolve(parse.GetValue(StateDir)?.FullName);
                var run = new ClusterRun(state, Handlers(cloud, Backups(state, plan)), Shell, time, observer, prompt, control, options);
                await using var probe = await RunProbe.StartAsync(cloud, parse.GetValue(ProbeRate), time);
                var summary = live
                    ? await new LiveProgressView(AnsiConsole.Console, progress, time).ShowWhileAsync(() => run.RunAsync(plan, json, observed, parse.GetValue(Fresh)))
                    : await run.RunAsync(plan, json, observed, parse.GetValue(Fresh));
                var downtime = await probe.ReportAsync();
                events?.On(new RunEvent("message", time.GetUtcNow(), Message: downtime));
                await output.WriteLineAsync(downtime);
                await output.WriteLineAsync(Summary(summary));
                return summary.Outcome switch
                {
                    RunOutcome.Succeeded => UpliftCommandLine.Success,
                    RunOutcome.Failed => UpliftCommandLine.Failed,
                    _ => UpliftCommandLine.Interrupted,
                };
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }

        private static string Summary(RunSummary s) =>
            $"run {s.RunId} {s.Outcome.ToString().ToLowerInvariant()}: {s.Count(StepState.Done)} done, {s.Count(StepState.AlreadyDone)} found done, " +
            $"{s.Count(StepState.Failed)} failed, {s.Count(StepState.Skipped)} skipped, {s.Count(StepState.Pending)} pending" +
            (s.Failure is null ? "" : $"\nfirst failure: {s.Failure}\nfix the cause, then: uplift resume (uplift status shows where it stands)");
    }
}
