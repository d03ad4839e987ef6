using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Database;

namespace Uplift.Tests.Planning;

/// <summary>The plan's online-migration batch is what the migration commands run with (their --max-count).</summary>
public sealed class OnlineMigrationBatchTests
{
    [Fact]
    public void Given_a_batch_When_planned_Then_every_online_migration_command_carries_it_as_its_max_count()
    {
        var plan = Planner.Build(PlanningInputs.Large, PlanningInputs.Catalog, "epoxy", "flamingo", new PlanOptions(OnlineMigrationBatch: 50));

        var commands = plan.Steps.Where(s => s.Kind == OnlineMigrationsStep.Kind).Select(s => OnlineMigrationsStep.Read(s).Command.Command).ToList();

        commands.ShouldNotBeEmpty();
        commands.ShouldAllBe(c => c.EndsWith("--max-count 50") || c.EndsWith("--max_count 50"));
        commands.ShouldContain("nova-manage db online_data_migrations --max-count 50");
    }

    [Theory]
    [InlineData("cinder-manage db online_data_migrations --max_count 1000", "cinder-manage db online_data_migrations --max_count 7")]
    [InlineData("nova-manage db online_data_migrations --max-count=1000", "nova-manage db online_data_migrations --max-count=7")]
    [InlineData("site-manage migrate", "site-manage migrate")]
    public void A_command_takes_the_batch_in_its_own_spelling_and_one_without_a_max_count_is_left_alone(string command, string expected)
    {
        new StepCommand(command, null).WithMaxCount(7).Command.ShouldBe(expected);
    }
}
