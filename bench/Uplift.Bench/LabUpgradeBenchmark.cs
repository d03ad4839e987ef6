using System.Diagnostics;
using Uplift.Catalog;
using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Inventory;
using Uplift.Lab;
using Uplift.Planning;
using Uplift.Transports;
using Uplift.Upgrade.Planning;
using Uplift.Upgrade.Run;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Bench;

/// <summary>
/// A full upgrade of the example lab (3 controllers, 2 network, 6 computes, 1 volume node) with the lab's own waits at
/// zero (APIs answer at once, no instances to move) and the plan's pacing pauses off: what is left is Uplift's overhead
/// plus the nodes running their (shim) commands. The run is the one `uplift run` does (same handlers: HAProxy drains,
/// verified backup, the compute dance through the lab's nova), in this process so its CPU time and the time spent in
/// remote commands can be told apart. Needs root (the lab). Prints wall time, per-step figures, and a second run's.
/// </summary>
public static class LabUpgradeBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Console.Error.WriteLine("lab-upgrade: the lab needs root (it creates an account and binds loopback addresses); run with sudo");
            return 2;
        }
        var state = Path.Combine(Path.GetTempPath(), "uplift-bench-lab-" + Guid.NewGuid().ToString("N")[..8]);
        var catalog = CatalogLoader.LoadEmbedded();
        var options = new LabOptions(StateDirectory: state, StartDelaySeconds: 0, InstancesPerCompute: 0);
        var lab = await LabBuilder.UpAsync(options, catalog, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        try
        {
            var inventory = InventoryLoader.Load(lab.Paths.Inventory);
            var next = catalog.Releases[lab.IndexOf(lab.Release) + 1].Series;
            var full = Planner.Build(inventory, catalog, lab.Release.Series, next, new PlanOptions());
            var plan = full with { Steps = [.. full.Steps.Select(s => s with { PauseAfterSeconds = 0 })] };
            Console.WriteLine($"lab: {lab.Nodes.Count} nodes (3 controllers, 2 network, 6 computes, 1 volume), lab waits 0; plan {lab.Release.Series} → {next}: " +
                $"{plan.Steps.Count} steps (pacing pauses of {full.Steps.Sum(s => s.PauseAfterSeconds)} s left out)");
            Environment.SetEnvironmentVariable("OS_CLIENT_CONFIG_FILE", lab.Paths.CloudsYaml);
            var roundTrip = await RoundTripAsync(inventory, lab.Nodes[0].Name);
            Console.WriteLine($"ssh round trip of 'true' on {lab.Nodes[0].Name} (multiplexed, warm): {roundTrip.TotalMilliseconds:0.0} ms");
            var journals = Path.Combine(state, "uplift");
            foreach (var label in new[] { "upgrade", "second run (every step done)" })
            {
                var figures = await RunOnceAsync(plan, inventory, journals);
                Console.WriteLine($"{label}: {figures.Outcome} in {figures.Wall.TotalSeconds:0.0} s wall = {figures.Wall.TotalMilliseconds / plan.Steps.Count:0.0} ms per step (target: under 50); " +
                    $"uplift CPU {figures.Cpu.TotalSeconds:0.00} s = {figures.Cpu.TotalMilliseconds / plan.Steps.Count:0.0} ms per step; " +
                    $"{figures.Commands} remote commands taking {figures.InCommands.TotalSeconds:0.0} s in all " +
                    $"(mean {(figures.Commands == 0 ? 0 : figures.InCommands.TotalMilliseconds / figures.Commands):0.0} ms, ssh round trip and the node's work); " +
                    $"no command in flight on any node for {figures.NoCommand.TotalSeconds:0.0} s = {figures.NoCommand.TotalMilliseconds / plan.Steps.Count:0.0} ms per step (Uplift's own time: scheduling, journal, API calls)");
                if (figures.Outcome != RunOutcome.Succeeded)
                {
                    return 1;
                }
            }
            return 0;
        }
        finally
        {
            await LabTeardown.DownAsync(state, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        }
    }

    /// <summary>What one command costs through the transport when the node does nothing: the mean of 50 in a row.</summary>
    private static async Task<TimeSpan> RoundTripAsync(ClusterInventory inventory, string node)
    {
        await using var transport = new OpenSshTransport(inventory.Ssh, new OpenSshOptions(), TimeProvider.System);
        var shell = transport.ShellFor(inventory.Find(node)!);
        await shell.RunAsync(new RemoteCommand("true"));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            await shell.RunAsync(new RemoteCommand("true"));
        }
        return clock.Elapsed / 50;
    }

    private sealed record RunFigures(RunOutcome Outcome, TimeSpan Wall, TimeSpan Cpu, int Commands, TimeSpan InCommands, TimeSpan NoCommand);

    private static async Task<RunFigures> RunOnceAsync(Plan plan, ClusterInventory inventory, string journals)
    {
        var time = TimeProvider.System;
        var timing = new CommandTiming();
        using var control = new RunControl();
        await using var transport = new OpenSshTransport(inventory.Ssh, new OpenSshOptions(), time);
        using var cloud = new ComputeCloud(() => new OpenStack.OpenStackSession(OpenStack.CloudsFileSearch.ForProcess().Load(LabCloud.Name), time),
            plan.LimitOf(ConcurrencyClasses.LiveMigrations));
        var state = new StateDirectory(journals);
        var path = new CriticalPath();
        var run = new ClusterRun(state, RunSession.Handlers(cloud, Path.Combine(journals, "backups", plan.Cluster)),
            node => new TimedShell(transport.ShellFor(inventory.Find(node)!), timing, path), time, new RunObservers(new RunProgress(time), path),
            new ConsolePrompt(TextReader.Null, TextWriter.Null, interactive: false, yes: true), control);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var summary = await run.RunAsync(plan, PlanJson.Write(plan));
        clock.Stop();
        if (summary.Failure is not null)
        {
            Console.WriteLine($"failed: {summary.Failure}");
        }
        foreach (var (kind, (count, total)) in timing.ByKind.OrderByDescending(k => k.Value.Total).Take(8))
        {
            Console.WriteLine($"  {total.TotalSeconds,6:0.0} s in {count,4} × {kind} (mean {total.TotalMilliseconds / count:0} ms)");
        }
        CriticalPath.Print(path.Walk(plan));
        return new RunFigures(summary.Outcome, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, timing.Count, timing.Total, clock.Elapsed - timing.Busy);
    }

    /// <summary>Commands run, their summed time, and the time at least one was in flight anywhere (the rest of the
    /// wall time no node was working for Uplift: scheduling, journal, API calls, waiting on nothing).</summary>
    private sealed class CommandTiming
    {
        private readonly object _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _inFlight;
        private TimeSpan _busySince;

        public int Count { get; private set; }

        public TimeSpan Total { get; private set; }

        public TimeSpan Busy { get; private set; }

        public void Started()
        {
            lock (_gate)
            {
                if (_inFlight++ == 0)
                {
                    _busySince = _clock.Elapsed;
                }
            }
        }

        /// <summary>Time per kind of command (its first two words), for the breakdown.</summary>
        public Dictionary<string, (int Count, TimeSpan Total)> ByKind { get; } = [];

        public void Ended(string script, TimeSpan elapsed)
        {
            lock (_gate)
            {
                Count++;
                Total += elapsed;
                var kind = string.Join(' ', script.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries).Take(2));
                var (count, total) = ByKind.GetValueOrDefault(kind);
                ByKind[kind] = (count + 1, total + elapsed);
                if (--_inFlight == 0)
                {
                    Busy += _clock.Elapsed - _busySince;
                }
            }
        }
    }

    private sealed class TimedShell(IRemoteShell inner, CommandTiming timing, CriticalPath path) : IRemoteShell
    {
        public string Node => inner.Node;

        public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
        {
            var clock = Stopwatch.StartNew();
            var started = DateTimeOffset.UtcNow;
            timing.Started();
            try
            {
                return await inner.RunAsync(command, cancellationToken);
            }
            finally
            {
                timing.Ended(command.Script, clock.Elapsed);
                path.Command(Node, command.Script, started, DateTimeOffset.UtcNow);
            }
        }
    }
}
