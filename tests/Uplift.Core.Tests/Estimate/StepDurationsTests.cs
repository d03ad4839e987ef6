using System.Text.RegularExpressions;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Upgrade.Estimate;
using Uplift.Upgrade.Steps;

namespace Uplift.Tests.Estimate;

/// <summary>The estimate's duration table: every kind has a figure, and every figure names a source that holds it.</summary>
public sealed partial class StepDurationsTests
{
    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (var entry in StepDurations.Table.Append(StepDurations.Infrastructure).DistinctBy(e => (e.Kind, e.Source)))
        {
            data.Add($"{entry.Kind.Name}|{entry.Source}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Each_figure_names_its_source_and_a_cited_document_holds_it(string row)
    {
        var entry = Find(row);

        entry.Source.Length.ShouldBeGreaterThan(10, entry.Kind.Name);
        entry.Seconds.ShouldBeGreaterThanOrEqualTo(0);
        // Every document cited exists; a measurement is quoted from the document it cites.
        var cited = Document().Matches(entry.Source).Select(m => m.Value).ToList();
        foreach (var document in cited)
        {
            File.Exists(PathOf(document)).ShouldBeTrue($"{entry.Kind.Name} cites {document}");
        }
        if (entry.Source.StartsWith("measured", StringComparison.Ordinal) || entry.Quote is not null)
        {
            entry.Quote.ShouldNotBeNull($"{entry.Kind.Name}: a measurement quotes its document");
            cited.ShouldNotBeEmpty($"{entry.Kind.Name}: a measurement cites its document");
            File.ReadAllText(PathOf(cited[0])).ShouldContain(entry.Quote, customMessage: $"{entry.Kind.Name}: {entry.Source}");
        }
    }

    [Fact]
    public void Docs_running_md_shows_every_figure_with_its_source()
    {
        var docs = File.ReadAllText(Fixtures.Project("docs/running.md"));

        foreach (var entry in StepDurations.Table.Where(e => e.Kind != Upgrade.Steps.Compute.ComputeMigrateInstancesStep.Kind))
        {
            docs.ShouldContain($"| `{entry.Kind.Name}` | {entry.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} | {entry.Source} |");
        }
        docs.ShouldContain($"| `{Upgrade.Steps.Compute.ComputeMigrateInstancesStep.Name}` | {StepDurations.LiveMigrationSeconds} per instance |");
        docs.ShouldContain($"| `dependencies-upgrade` outside prepare | {StepDurations.Infrastructure.Seconds} |");
    }

    [Fact]
    public void Every_kind_uplift_carries_out_has_a_figure()
    {
        StepTable.Kinds.Where(k => StepDurations.Of(k) is null).ShouldBeEmpty();
    }

    [Fact]
    public void The_seed_mandated_neutron_pause_is_the_plan_s_not_the_table_s()
    {
        // The 30 s after each neutron agent (seed) reaches the estimate through the plan's pause, so an inventory's
        // neutron_agent_pause changes it: the table has no pause of its own.
        StepDurations.Table.ShouldNotContain(e => e.Source.Contains("30 s", StringComparison.Ordinal));
        new Uplift.Inventory.ConcurrencySettings().NeutronAgentPauseSeconds.ShouldBe(30);
    }

    [Fact]
    public void Live_migration_is_per_instance_and_the_inventory_overrides_it()
    {
        var step = new PlanStep("computes/c1/migrate", Upgrade.Steps.Compute.ComputeMigrateInstancesStep.Kind, Phases.Computes, "nova", ["c1"], [],
            ConcurrencyClasses.LiveMigrations, [], [], 0, false, "g");

        StepDurations.Of(step, new(), new()).ShouldBe(StepDurations.InstancesPerCompute * StepDurations.LiveMigrationSeconds);
        StepDurations.Of(step, new(InstancesPerCompute: 6, LiveMigrationSeconds: 30), new(LiveMigrationsPerHost: 2)).ShouldBe(3 * 30);
    }

    private static StepDurations.Entry Find(string row)
    {
        var (kind, source) = (row[..row.IndexOf('|', StringComparison.Ordinal)], row[(row.IndexOf('|', StringComparison.Ordinal) + 1)..]);
        return StepDurations.Table.Append(StepDurations.Infrastructure).First(e => e.Kind.Name == kind && e.Source == source);
    }

    private static string PathOf(string document) =>
        document == "DESIGN.md" ? Path.Combine(Fixtures.Root, "..", "shared", "DESIGN.md") : Fixtures.Project(document);

    [GeneratedRegex(@"(docs/[a-z-]+\.md|DESIGN\.md)")]
    private static partial Regex Document();
}
