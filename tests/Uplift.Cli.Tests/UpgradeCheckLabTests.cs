using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>
/// A `&lt;service&gt;-status upgrade check` that reports a failure stops `uplift run` in pre-flight, before anything
/// changes on any node. Runs as root on a small real lab; one lab at a time on the machine.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class UpgradeCheckLabTests
{
    [Fact]
    public async Task Given_a_failing_nova_upgrade_check_When_uplift_runs_Then_it_stops_with_the_check_s_words_and_nothing_changed_on_any_node()
    {
        await using var lab = await LabSession.UpAsync(state => new LabOptions(Controllers: 2, Network: 1, Computes: 1, Volumes: 1, StateDirectory: state, StartDelaySeconds: 0.05));
        const string details = "No host mappings found but there are compute nodes. Run command 'nova-manage cell_v2 simple_cell_setup' and then retry.";
        var checks = Path.Combine(lab.Paths.Cluster, "checks");
        Directory.CreateDirectory(checks);
        await File.WriteAllTextAsync(Path.Combine(checks, "nova"), $"Cells v2|2|{details}\nPlacement API|0|\n");
        var before = await LabState.TakeAsync(lab.Paths);
        var commandsBefore = CommandLogEntry.ReadAll(lab.Paths).Count;

        var run = await lab.UpgradeAsync();

        run.Code.ShouldBe(1, run.Output);
        run.Output.ShouldContain("first failure: ");
        run.Output.ShouldContain("Cells v2");
        run.Output.ShouldContain("simple_cell_setup");
        before.Differences(await LabState.TakeAsync(lab.Paths)).ShouldBeEmpty("nothing changed on any node, in the database schema or in HAProxy");
        var ran = CommandLogEntry.ReadAll(lab.Paths).Skip(commandsBefore).ToList();
        ran.ShouldContain(c => c.CommandLine.StartsWith("nova-status upgrade check", StringComparison.Ordinal) && c.ExitCode == 2);
        ran.Where(ChangingCommands.Changes).Select(c => $"{c.Node}: {c.CommandLine}").ShouldBeEmpty("only read-only commands ran");
        Directory.Exists(Path.Combine(lab.Journals, "backups")).ShouldBeFalse("the backup comes after pre-flight");
    }
}
