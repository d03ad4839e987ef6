using Uplift.Execution.Journal;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>
/// The cluster is the truth (issue: a reused state directory said "succeeded" with every node on the old release):
/// uplift run reads what the nodes run and believes them over --from, the journal and the target repository. Each test
/// brings up a small real lab (sshd per node, HAProxy, MariaDB, shims); one lab at a time on the machine.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class ClusterTruthLabTests
{
    private static LabOptions Small(string state) =>
        new(Controllers: 2, Network: 1, Computes: 1, Volumes: 1, StateDirectory: state, StartDelaySeconds: 0.05);

    [Fact]
    public async Task Given_an_epoxy_cluster_When_run_from_caracal_Then_it_is_refused_naming_the_nodes_and_nothing_changes_and_no_backup_is_taken()
    {
        await using var lab = await LabSession.UpAsync(Small);
        var before = await LabState.TakeAsync(lab.Paths);
        var commandsBefore = CommandLogEntry.ReadAll(lab.Paths).Count;

        var run = await UpliftProcess.RunAsync(null, lab.Environment,
            "run", "-i", lab.Paths.Inventory, "--from", "caracal", "--to", "dalmatian", "--yes", "--state-dir", lab.Journals);

        run.Code.ShouldBe(2, run.Output);
        run.Output.ShouldContain("--from caracal, but the nodes run epoxy: ctl1 ctl2 net1 cmp1 vol1");
        before.Differences(await LabState.TakeAsync(lab.Paths)).ShouldBeEmpty("nothing changed on any node");
        CommandLogEntry.ReadAll(lab.Paths).Skip(commandsBefore).Where(ChangingCommands.Changes).ShouldBeEmpty("only dpkg-query ran");
        Directory.Exists(Path.Combine(lab.Journals, "backups")).ShouldBeFalse("no backup was taken");

        var plan = await UpliftProcess.RunAsync("plan", "-i", lab.Paths.Inventory, "--to", lab.Next);
        plan.Code.ShouldBe(0, plan.Output);
        plan.Output.ShouldContain("--from epoxy: read from the nodes (every node runs epoxy)");
        plan.Output.ShouldContain($"epoxy → {lab.Next}");

        // An inventory that names no cloud, with none in the usual places: refused before the plan is shown, not at the
        // service check 30-odd steps in.
        var cloudless = Path.Combine(lab.Journals, "inventory-without-cloud.yaml");
        var text = await File.ReadAllTextAsync(lab.Paths.Inventory);
        await File.WriteAllTextAsync(cloudless, text[..text.IndexOf("openstack:", StringComparison.Ordinal)]);
        var noCloud = await UpliftProcess.RunAsync("run", "-i", cloudless, "--to", lab.Next, "--yes", "--state-dir", lab.Journals);
        noCloud.Code.ShouldBe(2, noCloud.Output);
        noCloud.Output.ShouldContain("no clouds.yaml found");
        noCloud.Output.ShouldContain("openstack: {clouds_yaml: FILE, cloud: NAME}");
        noCloud.Output.ShouldNotContain("Run these");
        before.Differences(await LabState.TakeAsync(lab.Paths)).ShouldBeEmpty("nothing changed on any node");
    }

    [Fact]
    public async Task Given_a_state_directory_of_a_rebuilt_lab_When_run_again_Then_the_journal_is_refused_and_fresh_really_upgrades_every_node()
    {
        var journals = Directory.CreateTempSubdirectory("uplift-reused-state-").FullName;
        var labState = Path.Combine(Path.GetTempPath(), "uplift-reused-lab-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (var first = await LabSession.UpAsync(_ => Small(labState), journals))
            {
                var upgraded = await first.UpgradeAsync();
                upgraded.Code.ShouldBe(0, upgraded.Output);
            }
            await using var again = await LabSession.UpAsync(_ => Small(labState), journals);
            var before = await LabState.TakeAsync(again.Paths);

            var refused = await again.UpgradeAsync();

            refused.Code.ShouldBe(2, refused.Output);
            refused.Output.ShouldContain("does not describe this cluster as it is now");
            refused.Output.ShouldContain("not the machine the journal's run worked on: ctl1: host key");
            refused.Output.ShouldContain("--fresh");
            refused.Output.ShouldNotContain("succeeded");
            before.Differences(await LabState.TakeAsync(again.Paths)).ShouldBeEmpty("nothing changed on any node");

            var fresh = await again.UpgradeAsync("--fresh");

            fresh.Code.ShouldBe(0, fresh.Output);
            var observed = await UpliftProcess.RunAsync("inventory", "show", "-i", again.Paths.Inventory, "--observed");
            observed.Output.ShouldContain($"every node runs {again.Next}");
        }
        finally
        {
            Directory.Delete(journals, recursive: true);
        }
    }

    /// <summary>The lab's epoxy RabbitMQ is of the 3.13 series: 4.2 skips 4.0 and 4.1 (rabbitmq.com/docs/rolling-upgrade).</summary>
    private const string TwoSeriesAhead = "4.2.0-1";

    [Fact]
    public async Task Given_a_target_repository_offering_hibiscus_keystone_and_a_rabbitmq_two_series_ahead_When_run_to_flamingo_Then_both_are_refused_before_any_change()
    {
        await using var lab = await LabSession.UpAsync(Small);
        var repo = Path.Combine(lab.Paths.Shared, "repo");
        var keystone = new LabVersions(lab.Lab.Catalog).Of("python3-keystone", lab.Lab.IndexOf(lab.Lab.Catalog.FindRelease("hibiscus")!));
        var lines = (await File.ReadAllLinesAsync(repo))
            .Select(l => l.StartsWith($"{lab.Next} python3-keystone ", StringComparison.Ordinal) ? $"{lab.Next} python3-keystone {keystone}" : l)
            .Select(l => l.StartsWith($"{lab.Next} rabbitmq-server ", StringComparison.Ordinal) ? $"{lab.Next} rabbitmq-server {TwoSeriesAhead}" : l);
        await File.WriteAllLinesAsync(repo, lines);
        var before = await LabState.TakeAsync(lab.Paths);
        var commandsBefore = CommandLogEntry.ReadAll(lab.Paths).Count;

        var run = await lab.UpgradeAsync();

        run.Code.ShouldBe(2, run.Output);
        run.Output.ShouldContain($"ctl1: the {lab.Next} repository offers python3-keystone {keystone}, which is hibiscus's keystone, not {lab.Next}'s 28.x");
        var rabbitmq = new LabVersions(lab.Lab.Catalog).Of("rabbitmq-server", lab.Lab.IndexOf(lab.Lab.Release));
        run.Output.ShouldContain($"ctl2: the {lab.Next} repository offers rabbitmq-server {rabbitmq} → {TwoSeriesAhead} skips 4.0, 4.1");
        before.Differences(await LabState.TakeAsync(lab.Paths)).ShouldBeEmpty("nothing changed on any node");
        var ran = CommandLogEntry.ReadAll(lab.Paths).Skip(commandsBefore).ToList();
        ran.ShouldContain(c => c.CommandLine.StartsWith("apt-cache", StringComparison.Ordinal), "the repository was asked");
        ran.Where(ChangingCommands.Changes).ShouldBeEmpty("only reads, and apt-get update into a sandbox");
        foreach (var node in lab.Lab.Nodes)
        {
            (await File.ReadAllTextAsync(Path.Combine(lab.Paths.NodeRoot(node.Name), "var", "lib", "apt", "release"))).Trim()
                .ShouldBe(lab.Lab.Release.Series, $"{node.Name}: its own APT lists still see {lab.Lab.Release.Series}");
        }
        Directory.Exists(Path.Combine(lab.Journals, "backups")).ShouldBeFalse("no backup was taken");
    }

    [Fact]
    public async Task Given_a_compute_put_back_on_the_old_nova_after_its_install_step_When_the_run_ends_Then_the_end_state_check_names_it_and_the_run_fails()
    {
        await using var lab = await LabSession.UpAsync(Small);
        var run = lab.UpgradeAsync();
        var journal = new StateDirectory(lab.Journals).JournalOf("lab");
        var old = new LabVersions(lab.Lab.Catalog).Of("python3-nova", lab.Lab.IndexOf(lab.Lab.Release));
        await WhenDoneAsync(journal, "computes/cmp1/install", run);
        var installed = Path.Combine(lab.Paths.NodeRoot("cmp1"), "var", "lib", "dpkg", "installed");
        var lines = (await File.ReadAllLinesAsync(installed)).Select(l => l.Split(' ') is ["python3-nova", _, .. var rest] ? string.Join(' ', ["python3-nova", old, .. rest]) : l);
        await File.WriteAllLinesAsync(installed, lines);

        var outcome = await run;

        outcome.Code.ShouldBe(1, outcome.Output);
        outcome.Output.ShouldContain($"first failure: verify/cmp1/end-state: the end state differs: cmp1: python3-nova {old} is not {lab.Next}'s 32.x");
        outcome.Output.ShouldNotContain("succeeded");
    }

    /// <summary>An API whose code answers an older version document than the target's (the lab's nova-api made to report
    /// 2.96 when it runs flamingo's nova) is caught through its own port, over SSH and curl on the node.</summary>
    [Fact]
    public async Task Given_nova_api_reporting_an_older_microversion_after_the_upgrade_When_the_run_ends_Then_the_end_state_check_names_it_and_the_run_fails()
    {
        await using var lab = await LabSession.UpAsync(Small);
        var major = lab.Lab.Catalog.CodeVersionsOf("nova")!.Majors[lab.Next];
        var expected = lab.Lab.Catalog.CodeVersionsOf("nova")!.Api!.Maxima[lab.Next];
        var table = Path.Combine(lab.Paths.State, "shared", "microversions");
        var lines = (await File.ReadAllLinesAsync(table)).Select(l => l == $"nova-api {major} {expected}" ? $"nova-api {major} 2.96" : l).ToList();
        lines.ShouldContain($"nova-api {major} 2.96");
        await File.WriteAllLinesAsync(table, lines);

        var outcome = await lab.UpgradeAsync();

        outcome.Code.ShouldBe(1, outcome.Output);
        outcome.Output.ShouldMatch($@"ctl[12]: nova-api reports microversion 2\.96 at http://127\.0\.10\.[0-9]+:8774/, not {lab.Next}'s {expected.Replace(".", @"\.", StringComparison.Ordinal)}");
        outcome.Output.ShouldNotContain("succeeded");
    }

    /// <summary>Waits until the run's journal has the step done (polling the journal the run writes; no fixed delay).</summary>
    private static async Task WhenDoneAsync(string journalPath, string stepId, Task<UpliftProcess.Outcome> run)
    {
        while (!run.IsCompleted)
        {
            if (File.Exists(journalPath))
            {
                using var journal = RunJournal.Open(journalPath);
                if (journal.LatestRun() is { } latest && journal.Steps(latest.PlanHash).TryGetValue(stepId, out var step) && step.State.IsComplete())
                {
                    return;
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        throw new InvalidOperationException($"the run ended before {stepId} was done: {(await run).Output}");
    }
}
