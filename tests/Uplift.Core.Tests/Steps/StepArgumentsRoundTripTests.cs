using System.Reflection;
using Uplift.Planning;
using Uplift.Tests.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps;
using Uplift.Upgrade.Steps.Packages;

namespace Uplift.Tests.Steps;

/// <summary>
/// A kind's arguments are its record's: the planner writes the record, the handler reads it back, so every argument a
/// plan carries is one the record knows, and reading a step then writing it gives the same pairs, in the same order
/// (the engine's own marks, "only-if" and "planned-outage", aside).
/// </summary>
public sealed class StepArgumentsRoundTripTests
{
    private static readonly string[] EngineMarks = [StepCondition.Key, PlannedOutage.Key];

    /// <summary>Kind → its record's Read then Write, for every record of the families and the engine's batch milestone.</summary>
    private static readonly Dictionary<StepKind, Func<PlanStep, IReadOnlyList<KeyValuePair<string, string>>>> RoundTrips =
        typeof(StepTable).Assembly.GetTypes().Append(typeof(Uplift.Execution.BatchMilestone))
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStepArguments<>)))
            .ToDictionary(
                t => (StepKind)t.GetProperty("Kind", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
                t => (Func<PlanStep, IReadOnlyList<KeyValuePair<string, string>>>)(step =>
                {
                    var record = t.GetMethod("Read", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [step])!;
                    return (IReadOnlyList<KeyValuePair<string, string>>)t.GetMethod("Write")!.Invoke(record, null)!;
                }));

    [Theory]
    [InlineData("epoxy", "flamingo", "")]
    [InlineData("epoxy", "epoxy", "")]
    [InlineData("bobcat", "epoxy", "caracal")]
    public void Every_step_of_a_plan_reads_into_its_kinds_record_and_writes_back_the_same_arguments(string from, string to, string via)
    {
        var plan = Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, from, to, new PlanOptions(Via: via));
        var checkedSteps = 0;

        foreach (var step in plan.Steps)
        {
            var own = step.Arguments.Where(a => !EngineMarks.Contains(a.Key)).ToList();
            if (step.Kind == StepKind.Milestone && own.Count == 0)
            {
                continue; // a plain milestone: only a batch's carries arguments
            }
            if (!RoundTrips.TryGetValue(step.Kind, out var roundTrip))
            {
                own.ShouldBeEmpty($"{step.Id} ({step.Kind}) carries arguments but its kind has no record to read them");
                continue;
            }
            roundTrip(step).ShouldBe(own, $"{step.Id} ({step.Kind})");
            checkedSteps++;
        }

        checkedSteps.ShouldBeGreaterThan(plan.Steps.Count / 2);
    }

    [Fact]
    public void Given_an_install_with_no_packages_When_read_Then_it_has_nothing_to_install_and_without_the_key_it_is_a_plan_error()
    {
        var empty = new PackagesInstallStep(new PackageTarget([], "flamingo", new Dictionary<string, int>()));
        var step = new PlanStep("nova/cmp1/install", PackagesInstallStep.Kind, "computes", "nova", ["cmp1"], empty.Write(), "computes", [], [], 0, false, "nova");

        PackagesInstallStep.Read(step).Target.Packages.ShouldBeEmpty();
        Should.Throw<PlanStepException>(() => PackagesInstallStep.Read(step with { Arguments = [] })).Message.ShouldContain("lacks its argument 'packages'");
    }

    [Fact]
    public void Every_kind_that_takes_arguments_has_one_record_and_the_records_cover_the_kinds_with_arguments()
    {
        RoundTrips.Count.ShouldBeGreaterThan(40);
        RoundTrips.Keys.ShouldContain(StepKind.Milestone, "the compute batch milestone carries its failure budget");
    }
}
