using System.Diagnostics;
using Uplift.Catalog;
using Uplift.Cli;
using Uplift.Cli.Commands;
using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Journal;
using Uplift.Lab;
using Uplift.Planning;

namespace Uplift.Tests;

/// <summary>
/// `uplift run` as a separate process on a real lab (sshd nodes, shims), killed with SIGKILL at random points and
/// resumed each time. The kinds bound by the HAProxy, database backup and compute API components become milestones
/// until those components register their handlers.
/// Runs as root; uses 127.0.10.1-5 and the VIP, like every lab test (one lab at a time on a machine).
/// </summary>
public sealed class RunLabTests : IAsyncLifetime
{
    private const int Kills = 20;
    private readonly string _state = Path.Combine(Path.GetTempPath(), "uplift-run-lab-" + Guid.NewGuid().ToString("N")[..8]);
    private string _journals = "";
    private LabLayout? _lab;

    private LabLayout Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    public async Task InitializeAsync()
    {
        var options = new LabOptions(Controllers: 2, Network: 1, Computes: 1, Volumes: 1, StateDirectory: _state, StartDelaySeconds: 0.05, MigrationRows: 50);
        _lab = await LabBuilder.UpAsync(options, CatalogLoader.LoadEmbedded(), TimeProvider.System, TextWriter.Null, CancellationToken.None);
        _journals = Directory.CreateTempSubdirectory("uplift-run-lab-journal-").FullName;
    }

    public async Task DisposeAsync()
    {
        if (_lab is null)
        {
            return; // the lab never came up (another one is running): it is not ours to take down
        }
        try
        {
            await LabTeardown.DownAsync(_state, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        }
        catch (LabException)
        {
            // Commands of a killed run may still be ending on the nodes while the lab goes down: once more.
            await Task.Delay(TimeSpan.FromSeconds(2));
            await LabTeardown.DownAsync(_state, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(_journals, recursive: true);
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
            var (exited, code, output) = await UpliftAsync(TimeSpan.FromMilliseconds(random.Next(1000, 5000)), "run", planFile, "--yes", "--state-dir", _journals);
            if (exited)
            {
                code.ShouldBe(0, output);
                break;
            }
            kills++;
            using var journal = RunJournal.Open(new StateDirectory(_journals).JournalOf(plan.Cluster));
            journal.Steps(plan.InputsHash).ShouldNotBeNull("the journal opens after every kill");
        }
        var last = await UpliftAsync(null, "resume", "--state-dir", _journals);
        last.Code.ShouldBe(0, last.Output);

        using (var journal = RunJournal.Open(new StateDirectory(_journals).JournalOf(plan.Cluster)))
        {
            var steps = journal.Steps(plan.InputsHash);
            plan.Steps.ShouldAllBe(s => steps[s.Id].State == StepState.Done || steps[s.Id].State == StepState.AlreadyDone);
            CompletedActions(journal).Where(p => p.Value > 1).ShouldBeEmpty("a step whose action completed never acts again");
        }
        var status = await UpliftAsync(null, "status", "--state-dir", _journals);
        status.Output.ShouldNotContain("failed:");
        foreach (var node in Lab.Nodes)
        {
            status.Output.ShouldMatch($@"(?m)^  {node.Name}\s+{plan.Hops[0].To}$");
        }
        kills.ShouldBeGreaterThan(0, "the run was killed at least once");

        var before = CommandLogEntry.ReadAll(Lab.Paths).Count;
        var again = await UpliftAsync(null, "run", planFile, "--yes", "--state-dir", _journals);
        again.Code.ShouldBe(0, again.Output);
        CommandLogEntry.ReadAll(Lab.Paths).Count.ShouldBe(before, "a second run finds every step done and runs nothing");
    }

    [Fact]
    public async Task Given_a_node_lost_mid_run_When_the_run_stops_Then_no_contract_ran_status_shows_releases_and_resume_completes()
    {
        var planFile = WritePlan(out var plan);
        var compute = Lab.Nodes.First(n => n.Role == Role.Compute).Name;
        var journalPath = new StateDirectory(_journals).JournalOf(plan.Cluster);
        var running = UpliftAsync(null, "run", planFile, "--yes", "--state-dir", _journals);
        await WaitUntilAsync(() => File.Exists(journalPath) && StateOf(journalPath, plan).Any(p => p.Key.StartsWith("nova/", StringComparison.Ordinal)), running);
        await LabNodeControl.StopAsync(Lab, compute, TimeProvider.System, CancellationToken.None);

        var stopped = await running;

        stopped.Code.ShouldBe(1, stopped.Output);
        stopped.Output.ShouldContain($"first failure: ");
        stopped.Output.ShouldContain(compute);
        var states = StateOf(journalPath, plan);
        plan.Steps.Where(s => s.Kind == StepKind.DatabaseContract).ShouldAllBe(s => !states.ContainsKey(s.Id) || states[s.Id] == StepState.Pending);
        var status = await UpliftAsync(null, "status", "--state-dir", _journals);
        status.Output.ShouldMatch($@"(?m)^  {compute}\s+{plan.Hops[0].From}( \(upgrading to {plan.Hops[0].To}\))?$");

        await LabNodeControl.StartAsync(Lab, compute, CancellationToken.None);
        var resumed = await UpliftAsync(null, "resume", "--state-dir", _journals);

        resumed.Code.ShouldBe(0, resumed.Output);
        (await UpliftAsync(null, "status", "--state-dir", _journals)).Output.ShouldMatch($@"(?m)^  {compute}\s+{plan.Hops[0].To}$");
    }

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

    /// <summary>The lab's plan to the next release without drain and backup; kinds not bound in this build become milestones.</summary>
    private string WritePlan(out Plan plan)
    {
        var inventory = InventoryLoader.Load(Lab.Paths.Inventory);
        var next = Lab.Catalog.Releases[Lab.IndexOf(Lab.Release) + 1];
        var full = Planner.Build(inventory, Lab.Catalog, Lab.Release.Series, next.Series, new PlanOptions(Drain: false, Backup: false));
        var handlers = RunCommands.Handlers();
        plan = full with
        {
            Steps = full.Steps.Select(s => handlers.For(s.Kind) is MissingHandler && s.Argument("command") is null
                ? s with { Kind = StepKind.Milestone, Nodes = [] }
                : s).ToList(),
        };
        plan.Steps.ShouldContain(s => s.Kind == StepKind.DatabaseContract);
        var file = Path.Combine(_journals, "plan.json");
        File.WriteAllText(file, PlanJson.Write(plan));
        return file;
    }

    private static Dictionary<string, int> CompletedActions(RunJournal journal)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={journal.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT step_id, count(*) FROM attempts WHERE state = 'done' GROUP BY step_id";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, int>();
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }
        return result;
    }

    /// <summary>Runs the uplift CLI as its own process; kills it (SIGKILL) after <paramref name="killAfter"/> if still running.</summary>
    private static async Task<(bool Exited, int Code, string Output)> UpliftAsync(TimeSpan? killAfter, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(UpliftCommandLine).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(killAfter ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (false, -1, await output + await error);
        }
        return (true, process.ExitCode, await output + await error);
    }
}
