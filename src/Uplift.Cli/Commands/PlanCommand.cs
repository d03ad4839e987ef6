using System.CommandLine;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Planning;
using Uplift.Upgrade.Estimate;
using Uplift.Upgrade.Planning;

namespace Uplift.Cli.Commands;

/// <summary>`uplift plan`: builds the plan and shows it (tree, JSON or Markdown runbook) without touching any node.</summary>
internal static class PlanCommand
{
    public static IEnumerable<Command> Create()
    {
        var options = new PlanningOptions(required: false) { InventoryRequired = true };
        var format = new Option<string>("--format") { Description = "tree (default), json or markdown", DefaultValueFactory = _ => "tree" };
        format.AcceptOnlyFromAmong("tree", "json", "markdown");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "write the plan to FILE instead of standard output" };
        var rollback = new Option<bool>("--rollback")
        {
            Description = "plan what it takes to go back from where the cluster's latest run stands (from its journal): a runbook to review, run with uplift run",
        };
        var estimate = new Option<bool>("--estimate")
        {
            Description = "instead of the plan, how long it will take: the total, each phase, and what bounds it (documented durations, the inventory's 'estimate:' overrides)",
        };
        var stateDir = new Option<DirectoryInfo?>("--state-dir") { Description = "with --rollback: the state directory of the run (default $UPLIFT_STATE_DIR or ~/.local/state/uplift)" };
        var command = new Command("plan", "Plan an upgrade (or, with --rollback, the way back) and show it; nothing is changed on any node.");
        options.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(rollback);
        command.Options.Add(estimate);
        command.Options.Add(stateDir);
        command.SetAction(async (parse, cancel) =>
        {
            if (!parse.GetValue(rollback) && !parse.GetValue(estimate) && parse.GetValue(format) == "json" && parse.GetValue(output) is { } jsonFile)
            {
                return await WriteWhilePlanning(parse, options, jsonFile, cancel);
            }
            var (plan, note) = parse.GetValue(rollback)
                ? (RollbackPlan(parse, options, stateDir), "a rollback runbook: review it, then run it with uplift run FILE (saved with --format json -o FILE)")
                : await options.BuildAsync(parse, cancel);
            if (note is not null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"uplift: {note}");
            }
            if (parse.GetValue(estimate))
            {
                if (parse.GetResult(format) is { Implicit: false })
                {
                    throw new InputException("--estimate prints how long the plan takes, --format writes the plan: give one of them");
                }
                var inventory = options.LoadInputs(parse).Inventory;
                var figures = PlanEstimate.Of(plan, inventory.Estimate, inventory.Concurrency);
                parse.InvocationConfiguration.Output.Write(EstimateView.Render(plan, figures, inventory.Estimate, inventory.Concurrency));
                return 0;
            }
            if (parse.GetValue(format) == "json")
            {
                // Streamed as it is written (a 10,000-node plan is ~100 MB): to the file beside its place, then moved in (a
                // rollback plan; an upgrade's is written while planned, above); or to standard output (the plan is complete
                // and checked before the first byte).
                if (parse.GetValue(output) is { } target)
                {
                    OutputFile.Write(target, stream => PlanJson.Write(plan, stream));
                    parse.InvocationConfiguration.Error.WriteLine($"plan written to {target.FullName} ({plan.Steps.Count} steps)");
                }
                else if (ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out))
                {
                    using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
                    PlanJson.Write(plan, stdout);
                }
                else
                {
                    parse.InvocationConfiguration.Output.Write(PlanJson.Write(plan));
                }
                return 0;
            }
            var text = parse.GetValue(format) == "markdown" ? PlanMarkdownView.Render(plan) : PlanTreeView.Render(plan);
            // Render completely before writing anything: bad input leaves no partial output.
            if (parse.GetValue(output) is { } file)
            {
                OutputFile.Write(file, text);
                parse.InvocationConfiguration.Error.WriteLine($"plan written to {file.FullName} ({plan.Steps.Count} steps)");
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(text);
            }
            return 0;
        });
        return [command];
    }

    /// <summary>
    /// The plan's JSON file written while it is planned (<see cref="PlanStream"/>, on another core): beside its place, moved
    /// in once the plan is built and written whole; a plan that cannot be built leaves no file.
    /// </summary>
    private static async Task<int> WriteWhilePlanning(ParseResult parse, PlanningOptions options, FileInfo file, CancellationToken cancel)
    {
        OutputFile.Check(file);
        using var stream = new PlanStream();
        var writing = Task.Run(() => OutputFile.Write(file, stream.WriteTo), CancellationToken.None);
        (Plan Plan, string? Note) built;
        try
        {
            built = await options.BuildAsync(parse, cancel, stream);
        }
        catch
        {
            stream.Fail();
            await writing.ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        stream.Complete();
        await writing;
        if (built.Note is not null)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"uplift: {built.Note}");
        }
        parse.InvocationConfiguration.Error.WriteLine($"plan written to {file.FullName} ({built.Plan.Steps.Count} steps)");
        return 0;
    }

    private static Plan RollbackPlan(ParseResult parse, PlanningOptions options, Option<DirectoryInfo?> stateDir)
    {
        if (parse.GetValue(options.To) is not null || parse.GetValue(options.From) is not null)
        {
            throw new InputException("--rollback goes back to the release the latest run started from: it takes no --from or --to");
        }
        var (inventory, catalog) = options.LoadInputs(parse);
        return RollbackSource.Plan(StateDirectory.Resolve(parse.GetValue(stateDir)?.FullName), inventory, catalog);
    }
}
