using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Lab;
using Uplift.Planning;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Steps.Compute;
using Uplift.Upgrade.Steps.Database;
using Uplift.Upgrade.Steps.Haproxy;

namespace Uplift.Tests;

/// <summary>
/// `uplift run` of the full plan (draining, verified backup, the compute dance through the lab's nova) as a separate
/// process on a real lab, killed with SIGKILL at random points and resumed each time; and a node lost mid-run.
/// Runs as root; one lab at a time on the machine.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class RunLabTests : IAsyncLifetime
{
    private const int Kills = 20;
    private LabSession? _lab;

    private LabSession Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    public async Task InitializeAsync() =>
        _lab = await LabSession.UpAsync(state => new LabOptions(Controllers: 2, Network: 1, Computes: 1, Volumes: 1, StateDirectory: state, StartDelaySeconds: 0.05, MigrationRows: 50));

    public async Task DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }
    }

    [Fact]
    public async Task Given_a_run_killed_at_random_points_When_resumed_each_time_Then_it_converges_and_no_completed_step_acts_twice()
    {
        var planFile = WritePlan(out var plan);
        var random = new Random(4);
        var kills = 0;
        for (var attempt = 0; attempt < Kills * 3 && kills < Kills; attempt++)
        {
            var (exited, code, output) = await UpliftAsync(TimeSpan.FromMilliseconds(random.Next(1000, 5000)), "run", planFile, "--yes");
            if (exited)
            {
                code.ShouldBe(0, output);
                break;
            }
            kills++;
            using var journal = RunJournal.Open(JournalPath(plan));
            journal.Steps(plan.InputsHash).ShouldNotBeNull("the journal opens after every kill");
        }
        var last = await UpliftAsync(null, "resume");
        last.Code.ShouldBe(0, last.Output);

        using (var journal = RunJournal.Open(JournalPath(plan)))
        {
            var steps = journal.Steps(plan.InputsHash);
            plan.Steps.ShouldAllBe(s => steps[s.Id].State == StepState.Done || steps[s.Id].State == StepState.AlreadyDone);
            var attempts = journal.Attempts(plan.InputsHash);
            // The end state is read on every run (a run that ended before the kills ran out is resumed once more); it acts on nothing.
            var everyRun = plan.Steps.Where(s => s.Kind.Name == Upgrade.Steps.EndState.VerifyEndStateStep.Name).Select(s => s.Id).ToHashSet();
            attempts.Where(a => a.State == "done" && !everyRun.Contains(a.StepId)).GroupBy(a => a.StepId).Where(g => g.Count() > 1).Select(g => g.Key)
                .ShouldBeEmpty("a step whose action completed never acts again");
            ActedAgainOnNodes(plan, attempts).ShouldBeEmpty("no command a completed step ran on a node runs there again (command logs)");
        }
        var status = await UpliftAsync(null, "status");
        status.Output.ShouldNotContain("failed:");
        foreach (var node in Lab.Lab.Nodes)
        {
            status.Output.ShouldMatch($@"(?m)^  {node.Name}\s+{plan.Hops[0].To}$");
        }
        kills.ShouldBeGreaterThan(0, "the run was killed at least once");
        var violations = Path.Combine(Lab.Paths.Cluster, "violations");
        (File.Exists(violations) ? File.ReadAllText(violations) : "").ShouldBeEmpty("no contract ran under older code, however the run was cut");
        (await LabState.TakeAsync(Lab.Paths)).Servers.ShouldAllBe(s => s.Value == "-", "every API server is back in HAProxy after the kills");

        var before = CommandLogEntry.ReadAll(Lab.Paths).Count;
        var again = await UpliftAsync(null, "run", planFile, "--yes", "-q");
        again.Code.ShouldBe(0, again.Output);
        again.Output.ShouldMatch($"run [0-9]+ succeeded");
        again.Output.ShouldNotMatch(@"(?m)^\S+Z (start|done|already-done) ", "-q: the outcome only, no progress lines");
        CommandLogEntry.ReadAll(Lab.Paths).Skip(before).Where(ChangingCommands.Changes).Select(c => $"{c.Node}: {c.CommandLine}")
            .ShouldBeEmpty("a second run finds every step done: it only reads the nodes (their release, the repository, the end state)");
    }

    [Fact]
    public async Task Given_a_node_lost_mid_run_When_the_run_stops_Then_no_contract_ran_status_shows_releases_and_resume_completes()
    {
        var planFile = WritePlan(out var plan);
        var compute = Lab.Lab.Nodes.First(n => n.Role == Role.Compute).Name;
        var journalPath = JournalPath(plan);
        var running = UpliftAsync(null, "run", planFile, "--yes");
        await WaitUntilAsync(() => File.Exists(journalPath) && StateOf(journalPath, plan).Any(p => p.Key.StartsWith("nova/", StringComparison.Ordinal)), running);
        await LabNodeControl.StopAsync(Lab.Lab, compute, TimeProvider.System, CancellationToken.None);

        var stopped = await running;

        stopped.Code.ShouldBe(1, stopped.Output);
        stopped.Output.ShouldContain($"first failure: ");
        stopped.Output.ShouldContain(compute);
        var log = System.Text.RegularExpressions.Regex.Match(stopped.Output, "log of this run: (\\S+)").Groups[1].Value;
        Path.GetDirectoryName(log).ShouldBe(new StateDirectory(Lab.Journals).LogsOf(plan.Cluster), "each run logs into the state directory");
        File.GetUnixFileMode(log).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var logged = await File.ReadAllTextAsync(log);
        logged.ShouldContain($"first failure: ", customMessage: "the run's log ends as its console did");
        logged.ShouldContain("start  ", customMessage: "one line per step started");
        var states = StateOf(journalPath, plan);
        plan.Steps.Where(s => s.Kind == DatabaseContractStep.Kind).ShouldAllBe(s => !states.ContainsKey(s.Id) || states[s.Id] == StepState.Pending);
        var status = await UpliftAsync(null, "status");
        status.Output.ShouldMatch($@"(?m)^  {compute}\s+{plan.Hops[0].From}( \(upgrading to {plan.Hops[0].To}\))?$");

        await LabNodeControl.StartAsync(Lab.Lab, compute, CancellationToken.None);
        var resumed = await UpliftAsync(null, "resume");

        resumed.Code.ShouldBe(0, resumed.Output);
        var next = plan.Steps.First(s => !(states.TryGetValue(s.Id, out var state) && state.IsComplete())).Id;
        resumed.Output.ShouldContain($"resuming run 1 of {plan.Cluster} (failed)");
        resumed.Output.ShouldContain($"continuing from {next}", customMessage: "resume says which run it continues and from which step");
        (await UpliftAsync(null, "status")).Output.ShouldMatch($@"(?m)^  {compute}\s+{plan.Hops[0].To}$");

        var report = await Chromium.DomAsync(System.Text.RegularExpressions.Regex.Match(resumed.Output, "report of this run: (\\S+)").Groups[1].Value, Lab.Journals);
        foreach (var node in Lab.Lab.Nodes)
        {
            report.ShouldContain($"<div class=\"row\" data-node=\"{node.Name}\">", customMessage: "the report, opened in chromium, has every node's timeline");
        }
        foreach (var phase in plan.Steps.Select(s => s.Phase).Distinct())
        {
            report.ShouldContain($"<tr data-phase=\"{phase}\">", customMessage: "every phase");
        }
        report.ShouldContain("data-probe-at=", customMessage: "and the probe's series");
        report.ShouldContain("<p id=\"outcome\" class=\"outcome-succeeded\">");
        var copy = Path.Combine(Lab.Journals, "copy.html");
        (await UpliftAsync(null, "report", "-o", copy)).Code.ShouldBe(0);
        (await Chromium.DomAsync(copy, Lab.Journals)).ShouldBe(report, "uplift report writes the same report again");
    }

    private string JournalPath(Plan plan) => new StateDirectory(Lab.Journals).JournalOf(plan.Cluster);

    private static IReadOnlyDictionary<string, StepState> StateOf(string journalPath, Plan plan)
    {
        using var journal = RunJournal.Open(journalPath);
        return journal.Steps(plan.InputsHash).ToDictionary(p => p.Key, p => p.Value.State);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task running)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!condition())
        {
            running.IsCompleted.ShouldBeFalse("the run ended before the point the test waits for");
            (DateTime.UtcNow < deadline).ShouldBeTrue("the run never reached the point the test waits for");
            await Task.Delay(100);
        }
    }

    /// <summary>The lab's whole plan to the next release, as `uplift plan -o` saves it: drain, backup, compute dance.</summary>
    private string WritePlan(out Plan plan)
    {
        var inventory = InventoryLoader.Load(Lab.Paths.Inventory);
        plan = Planner.Build(inventory, Lab.Lab.Catalog, Lab.Lab.Release.Series, Lab.Next, new PlanOptions());
        plan.Steps.ShouldContain(s => s.Kind == DatabaseContractStep.Kind);
        plan.Steps.ShouldContain(s => s.Kind == HaproxyDrainStep.Kind);
        plan.Steps.ShouldContain(s => s.Kind == DatabaseBackupVerifyStep.Kind);
        plan.Steps.ShouldContain(s => s.Kind == ComputeDisableStep.Kind);
        var file = Path.Combine(Lab.Journals, "plan.json");
        File.WriteAllText(file, PlanJson.Write(plan));
        return file;
    }

    /// <summary>
    /// From the shims' command logs: each changing command a step ran on its nodes during its completed attempt, found
    /// again on that node later, outside the attempts of any other step of the node (which may run the same command).
    /// </summary>
    private IEnumerable<string> ActedAgainOnNodes(Plan plan, IReadOnlyList<AttemptRecord> attempts)
    {
        var changes = CommandLogEntry.ReadAll(Lab.Paths).Where(ChangingCommands.Changes).ToList();
        var steps = plan.Steps.ToDictionary(s => s.Id);
        bool Within(CommandLogEntry e, AttemptRecord a) => e.Time >= a.Started && e.Time <= (a.Ended ?? DateTimeOffset.MaxValue);
        foreach (var done in attempts.Where(a => a.State == "done"))
        {
            var nodes = steps[done.StepId].Nodes;
            var mine = changes.Where(e => nodes.Contains(e.Node) && Within(e, done)).Select(e => (e.Node, e.CommandLine)).ToHashSet();
            foreach (var again in changes.Where(e => e.Time > done.Ended && mine.Contains((e.Node, e.CommandLine))))
            {
                if (!attempts.Any(a => a.StepId != done.StepId && steps[a.StepId].Nodes.Contains(again.Node) && Within(again, a)))
                {
                    yield return $"{again.Node}: '{again.CommandLine}' of {done.StepId} (done {done.Ended:O}) ran again at {again.Time:O}";
                }
            }
        }
    }

    /// <summary>uplift with this lab's state directory and clouds.yaml.</summary>
    private Task<UpliftProcess.Outcome> UpliftAsync(TimeSpan? killAfter, params string[] args) =>
        UpliftProcess.RunAsync(killAfter, Lab.Environment, [.. args, "--state-dir", Lab.Journals, .. args[0] is "status" or "report" ? Array.Empty<string>() : ["--os-cloud", LabCloud.Name]]);
}
