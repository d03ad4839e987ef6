using System.Diagnostics;
using Uplift.Catalog;
using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps;

namespace Uplift.Bench;

/// <summary>
/// The executor's own overhead per step: the example inventory's full upgrade plan (or --inventory F) run with a
/// handler that does nothing, so what is measured is scheduling, the journal's committed writes (WAL, one per state
/// change) and events; then a second run of the same plan, where every step is found done in the journal.
/// </summary>
public static class ExecutorBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var inventoryPath = args.SkipWhile(a => a != "--inventory").Skip(1).FirstOrDefault() ?? "examples/inventory.yaml";
        var plan = Planner.Build(InventoryLoader.Load(inventoryPath), CatalogLoader.LoadEmbedded(), "epoxy", "flamingo");
        var directory = Directory.CreateTempSubdirectory("uplift-bench-exec-").FullName;
        try
        {
            // The milestone handler does nothing: every step costs only the executor's own work.
            var nothing = new MilestoneHandler();
            var handlers = StepTable.Create(new StepServices()).Replacing(nothing, [.. StepTable.Kinds]);
            // Pauses (neutron pacing) are the plan's, not overhead: run them without waiting.
            plan = plan with { Steps = plan.Steps.Select(s => s with { PauseAfterSeconds = 0 }).ToList() };
            var json = PlanJson.Write(plan);
            foreach (var label in new[] { "first run (every step acts)", "second run (every step done in the journal)" })
            {
                using var journal = RunJournal.Open(Path.Combine(directory, "bench.journal.sqlite"));
                using var control = new RunControl();
                var executor = new PlanExecutor(journal, handlers, _ => throw new InvalidOperationException("no node"),
                    TimeProvider.System, new RunObservers(), new Yes(), control);
                var clock = Stopwatch.StartNew();
                var summary = await executor.RunAsync(plan, json);
                clock.Stop();
                Console.WriteLine($"{label}: {plan.Steps.Count} steps in {clock.Elapsed.TotalMilliseconds:0} ms, " +
                    $"{clock.Elapsed.TotalMilliseconds / plan.Steps.Count:0.00} ms per step ({summary.Outcome})");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class Yes : IOperatorPrompt
    {
        public Task<bool> ConfirmAsync(string question, bool breakpoint, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
