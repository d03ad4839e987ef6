using Uplift.Database;

namespace Uplift.Tests;

/// <summary>The shims print what the real programs print: their output is held against outputs captured from the real
/// Epoxy programs (tests/Uplift.Database.Tests/Samples/epoxy, linked here).</summary>
[Collection("lab")]
public class ShimFormatTests(LabFixture lab)
{
    [Theory]
    [InlineData("nova-manage", "--max-count", "nova-manage_online_data_migrations.txt")]
    [InlineData("placement-manage", "--max-count", "placement-manage_online_data_migrations.txt")]
    [InlineData("cinder-manage", "--max_count", "cinder-manage_online_data_migrations.txt")]
    public async Task Given_a_manage_shim_When_it_runs_online_migrations_Then_its_table_has_the_real_programs_header_and_rules(
        string program, string maxCount, string captured)
    {
        var real = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "epoxy", captured));

        var run = await lab.SshAsync("ctl1", $"{program} db online_data_migrations {maxCount} 1000");

        run.ExitCode.ShouldBeOneOf(0, 1);
        Header(run.Output).ShouldBe(Header(real));
        Shape(run.Output).ShouldBe(Shape(real));
        OnlineMigrationTable.Parse(run.Output).ShouldHaveSingleItem();
    }

    /// <summary>The header row's cells.</summary>
    private static string[] Header(string output) =>
        output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("| ") && l.Contains("Migration"))
            .Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    /// <summary>The table's line kinds, consecutive rows as one: '+' a border, '|' a rule inside, 'r' rows.</summary>
    private static string Shape(string output)
    {
        var kinds = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('+') || l.StartsWith('|'))
            .Select(l => l.All(c => c is '+' or '-' or '|' or '=') ? (l[0] == '+' ? '+' : '-') : 'r').ToList();
        return new string([.. kinds.Where((kind, i) => i == 0 || kind != 'r' || kinds[i - 1] != 'r')]);
    }
}
