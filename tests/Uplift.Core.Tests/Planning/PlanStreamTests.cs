using System.Text;
using Uplift.Planning;
using Uplift.Upgrade.Planning;

namespace Uplift.Tests.Planning;

/// <summary>A plan's file written while the planner builds it is the file written after.</summary>
public sealed class PlanStreamTests
{
    [Fact]
    public async Task Given_a_plan_written_while_it_is_built_When_compared_Then_its_bytes_are_those_written_after()
    {
        using var stream = new PlanStream();
        using var file = new MemoryStream();
        var writing = Task.Run(() => stream.WriteTo(file));

        var plan = Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo", listener: stream);
        stream.Complete();
        await writing;

        plan.Steps.Count.ShouldBeGreaterThan(1024, "more steps than one batch");
        Encoding.UTF8.GetString(file.ToArray()).ShouldBe(PlanJson.Write(plan));
    }

    [Fact]
    public async Task Given_a_plan_that_fails_after_some_steps_When_written_Then_the_writer_fails_rather_than_end_the_file()
    {
        var plan = Planner.Build(PlanningInputs.Example, PlanningInputs.Catalog, "epoxy", "flamingo");
        using var stream = new PlanStream();
        using var file = new MemoryStream();
        var writing = Task.Run(() => stream.WriteTo(file));

        stream.Begun(plan with { Steps = [] });
        foreach (var step in plan.Steps.Take(10))
        {
            stream.Added(step);
        }
        stream.Fail();

        await Should.ThrowAsync<OperationCanceledException>(writing);
    }
}
