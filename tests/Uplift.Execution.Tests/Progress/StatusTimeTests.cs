using Uplift.Catalog;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Timing;
using Uplift.Upgrade.Estimate;
using Uplift.Upgrade.Planning;

namespace Uplift.Tests.Progress;

/// <summary>`uplift status` says where a run's time went: each phase's wall time and the longest steps.</summary>
public class StatusTimeTests
{
    private static readonly Plan Plan = Planner.Build(InventoryLoader.Load(Fixtures.Project("examples/inventory.yaml")),
        CatalogLoader.LoadEmbedded(), "epoxy", "flamingo");

    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Given_a_phase_whose_steps_ran_side_by_side_When_shown_Then_its_wall_time_and_the_longest_steps_are_named()
    {
        var prepare = Plan.Steps.Where(s => s.Phase == Plan.Steps[0].Phase).Take(3).ToList();
        // Three steps of the first phase: 0–90 s, 10–40 s, 30–60 s: the phase took 90 s of wall time, not 150.
        (int From, int To)[] times = [(0, 90), (10, 40), (30, 60)];
        var journal = prepare.Select((s, i) => new StepRecord(s.Id, StepState.Done, 1, Noon.AddSeconds(times[i].From), Noon.AddSeconds(times[i].To), 0, "", "", ""))
            .ToDictionary(r => r.StepId);

        var text = StatusView.Render(Plan, new RunRecord(1, Plan.InputsHash, Noon, Noon.AddMinutes(2), "failed"), journal);

        var phaseLine = text.Split('\n').Single(l => l.StartsWith($"  {prepare[0].Phase} ", StringComparison.Ordinal));
        phaseLine.ShouldEndWith("(1 min 30 s)");
        var longest = text.Split("longest steps:\n")[1].Split('\n').Take(3).ToList();
        longest.ShouldBe([$"  1 min 30 s   {prepare[0].Id}", $"  30.0 s       {prepare[1].Id}", $"  30.0 s       {prepare[2].Id}"]);
    }

    [Fact]
    public void Given_the_plan_s_estimate_When_shown_Then_each_phase_has_its_estimated_window_beside_its_wall_time()
    {
        var run = new RunRecord(1, Plan.InputsHash, Noon, Noon.AddMinutes(2), "succeeded");
        var status = RunEstimate.Beside(RunStatus.Of(Plan, run, new Dictionary<string, StepRecord>()), Plan);
        var estimate = PlanEstimate.Of(Plan, new(), new());

        var text = StatusView.Render(status);

        text.ShouldContain($"estimated {Durations.Human(estimate.Total)} for the whole plan (uplift plan --estimate); this run took 2 min 0 s");
        foreach (var phase in estimate.Phases)
        {
            text.Split('\n').Single(l => l.StartsWith($"  {phase.Phase} ", StringComparison.Ordinal)).ShouldEndWith($"(estimated {Durations.Human(phase.Span)})");
        }
    }

    [Fact]
    public void The_estimate_beside_a_run_takes_the_figures_of_the_plan_s_inventory_while_that_file_is_unchanged()
    {
        var directory = Directory.CreateTempSubdirectory("uplift-estimate-").FullName;
        try
        {
            var file = Path.Combine(directory, "inventory.yaml");
            File.WriteAllText(file, File.ReadAllText(Fixtures.Project("examples/inventory.yaml")) + "estimate:\n  instances_per_compute: 200\n");
            var plan = Planner.Build(InventoryLoader.Load(file), CatalogLoader.LoadEmbedded(), "epoxy", "flamingo", new PlanOptions(LiveMigrate: true));
            var run = new RunRecord(1, plan.InputsHash, Noon, null, null);
            var status = RunStatus.Of(plan, run, new Dictionary<string, StepRecord>());

            var withFigures = RunEstimate.Beside(status, plan).EstimatedTotal!.Value;
            File.AppendAllText(file, "# edited after planning\n");
            var withDefaults = RunEstimate.Beside(status, plan).EstimatedTotal!.Value;

            withFigures.ShouldBeGreaterThan(withDefaults);
            withDefaults.ShouldBe(PlanEstimate.Of(plan, new(), new()).Total);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
