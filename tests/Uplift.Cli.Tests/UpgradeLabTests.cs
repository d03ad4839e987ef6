using System.Globalization;
using System.Text.RegularExpressions;
using Uplift.Lab;
using Uplift.OpenStack;
using Uplift.Testing;
using Xunit.Abstractions;

namespace Uplift.Tests;

/// <summary>
/// The acceptance of a whole upgrade on the example lab (3 controllers, 2 network, 6 computes, 1 volume node): `uplift
/// run --live-migrate` as an operator runs it (draining, verified backup, the compute dance through the lab's nova with
/// two instances on every compute), while a probe sends 20 requests a second through the VIP to every API. Runs as
/// root; one lab at a time on the machine.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class UpgradeLabTests(ITestOutputHelper output)
{
    private const int InstancesPerCompute = 2;
    private const double Rate = 20;

    [Fact]
    public async Task Given_the_example_lab_When_upgraded_under_the_probe_Then_no_request_fails_every_compute_is_emptied_first_every_node_ends_on_the_target_a_second_run_changes_nothing_and_without_draining_requests_fail()
    {
        ProbeSummary drained, undrained;
        await using (var lab = await LabSession.UpAsync(Example))
        {
            var unitsBefore = ActiveUnits(lab.Paths);
            (drained, var run) = await UpgradeUnderProbeAsync(lab, "--live-migrate");
            run.Code.ShouldBe(0, run.Output);
            run.Output.ShouldContain("backup/verify");
            var own = OwnMeasure(run);
            Figures.Report($"uplift run's own measure, drained (1/s to each public endpoint): {own.Failed} failed, {own.Slow} slow");
            own.Failed.ShouldBe(0, "uplift's own probe of the catalog's public endpoints saw no failure either");
            drained.Planned.Select(w => w.Frontend).ShouldBe(["neutron"], "the lab's neutron schema has contract work: the offline window opened, as announced");
            run.Output.ShouldContain("planned outage of network: neutron: offline contract");
            ShouldAllBeOnTheTarget(lab, unitsBefore);
            ShouldHaveMovedEveryInstance(lab);

            var commands = CommandLogEntry.ReadAll(lab.Paths).Count;
            var state = await LabState.TakeAsync(lab.Paths);
            state.Servers.ShouldAllBe(s => s.Value == "-", "every API server is back in HAProxy (not drained, not in maintenance)");
            var again = await lab.UpgradeAsync("--live-migrate");
            again.Code.ShouldBe(0, again.Output);
            again.Output.ShouldContain("continues the journal's plan");
            CommandLogEntry.ReadAll(lab.Paths).Skip(commands).Where(ChangingCommands.Changes).Select(c => $"{c.Node}: {c.CommandLine}")
                .ShouldBeEmpty("a second run finds every step done: it only reads the nodes (their release, the repository, the end state)");
            state.Differences(await LabState.TakeAsync(lab.Paths)).ShouldBeEmpty();
        }
        await using (var lab = await LabSession.UpAsync(Example))
        {
            (undrained, var run) = await UpgradeUnderProbeAsync(lab, "--live-migrate", "--no-drain", "--probe-rate", "5");
            run.Code.ShouldBe(0, run.Output);
            // The lab restarts a unit within a second: HAProxy's retry, a second later, often reaches the new one, so a
            // client that waits (uplift's probe waits 2 s) sees a slow answer rather than an error.
            var own = OwnMeasure(run);
            Figures.Report($"uplift run's own measure, not drained (5/s to each public endpoint): {own.Failed} failed, {own.Slow} slow");
            (own.Failed + own.Slow).ShouldBeGreaterThan(0, "uplift's own probe sees the restarts it caused without draining: " + run.Output[Math.Max(0, run.Output.Length - 2000)..]);
        }

        Report("drained (uplift run)", drained);
        Report("not drained (uplift run --no-drain, negative control)", undrained);
        drained.Sent.ShouldBeGreaterThan(0);
        drained.Failures.ShouldBe(0, drained.ToText());
        undrained.Failures.ShouldBeGreaterThan(0, "without draining the probe must see the restarts, or it proves nothing");
    }

    /// <summary>What `uplift run` reported of the API downtime it measured itself (its --probe-rate probe).</summary>
    private static (int Failed, int Slow) OwnMeasure(UpliftProcess.Outcome run)
    {
        var report = Regex.Match(run.Output, @"API downtime during the run, [\d.]+ request\(s\)/s to each public endpoint: \d+ requests in [\d.]+ s, (\d+) failed, (\d+) slow");
        report.Success.ShouldBeTrue("uplift run reports the API downtime it measured: " + run.Output[Math.Max(0, run.Output.Length - 2000)..]);
        return (int.Parse(report.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(report.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static LabOptions Example(string state) => new(StateDirectory: state, InstancesPerCompute: InstancesPerCompute);

    /// <summary>Runs `uplift run` to the next release while the probe runs; the probe stops when the run ends.</summary>
    private static async Task<(ProbeSummary, UpliftProcess.Outcome)> UpgradeUnderProbeAsync(LabSession lab, params string[] options)
    {
        using var lanes = await LabProbe.OpenAsync(lab.Lab, TimeProvider.System, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        IReadOnlyList<PlannedWindow> planned = [];
        var probe = new ProbeRunner(lanes.Http, TimeProvider.System).RunAsync(lanes.Targets, Rate, TimeSpan.FromHours(1), stop.Token, () => planned);
        var run = await lab.UpgradeAsync(options);
        planned = lab.PlannedWindows();
        await stop.CancelAsync();
        return (await probe, run);
    }

    private void Report(string what, ProbeSummary probe)
    {
        var line = $"zero downtime, {what}: {probe.Sent} requests at {Rate}/s to {probe.Frontends.Count} APIs through the VIP in " +
            $"{probe.Duration.TotalSeconds:0} s, {probe.Failures} failed, longest failure window {probe.Frontends.Max(f => f.LongestFailureWindow).TotalSeconds:0.00} s" +
            string.Concat(probe.Planned.Select(w => $"; planned {w.Frontend} outage ({w.Why.Split(',')[0]}): {(w.To - w.From).TotalSeconds:0.0} s, " +
                $"{probe.Frontends.Single(f => f.Name == w.Frontend).Planned} failed in it"));
        output.WriteLine(line);
        Figures.Report(line);
    }

    /// <summary>Packages, running units, schema phases, online migrations, HAProxy servers and compute services all
    /// where a finished upgrade leaves them, and no contract ever ran under older code.</summary>
    private static void ShouldAllBeOnTheTarget(LabSession lab, IReadOnlyDictionary<string, string> unitsBefore)
    {
        var target = lab.Lab.Catalog.Releases.ToList().FindIndex(r => r.Series == lab.Next);
        foreach (var node in lab.Lab.Nodes)
        {
            LabStatus.NodeRelease(lab.Lab, node).ShouldBe(lab.Next, $"{node.Name}: every installed package is the {lab.Next} one");
        }
        var unitsAfter = ActiveUnits(lab.Paths);
        unitsAfter.Keys.ShouldBe(unitsBefore.Keys, ignoreOrder: true, "the units that ran before the upgrade run after it");
        var versions = new LabVersions(lab.Lab.Catalog);
        foreach (var (unit, version) in unitsAfter)
        {
            version.ShouldBe(versions.Of(UnitPackage(lab.Paths, unit), target), $"{unit}: runs the target release's code");
        }
        Directory.GetFiles(lab.Paths.Nodes, "*.masked", SearchOption.AllDirectories).ShouldBeEmpty("no unit is left masked");
        foreach (var unit in unitsAfter.Keys.Where(u => Path.GetFileName(u).StartsWith("nova-", StringComparison.Ordinal)))
        {
            File.Exists(Path.Combine(lab.Paths.Nodes, unit[..^".active".Length] + ".signals"))
                .ShouldBeTrue($"{unit}: every nova unit, computes included, got SIGHUP once all ran the new code (nova upgrades.rst)");
        }
        ShouldHaveUpgradedCinderByTheBook(lab);
        ShouldHaveCheckedNovaWithTheNewCodeBeforeItsUnitsStart(lab);
        foreach (var schema in Directory.GetFiles(Path.Combine(lab.Paths.Cluster, "db")))
        {
            File.ReadAllText(schema).Trim().ShouldBe($"{target} {target} {target}", $"{Path.GetFileName(schema)}: expanded, migrated and contracted to {lab.Next}");
        }
        foreach (var migrations in Directory.GetFiles(Path.Combine(lab.Paths.Cluster, "migrations")))
        {
            File.ReadAllText(migrations).Trim().ShouldBe("0", $"{Path.GetFileName(migrations)}: online data migrations run to zero");
        }
        var computeState = Path.Combine(lab.Paths.Cluster, "compute");
        (Directory.Exists(computeState) ? Directory.GetFiles(computeState, "*.disabled") : []).ShouldBeEmpty("every compute service is enabled again");
        var violations = Path.Combine(lab.Paths.Cluster, "violations");
        (File.Exists(violations) ? File.ReadAllText(violations) : "").ShouldBeEmpty("nothing ran that would break a real cloud");
    }

    /// <summary>Every instance left its compute before that compute's nova-compute stopped (the lab records a stop under
    /// instances as a violation, asserted with the others) and is running again, on an upgraded compute.</summary>
    private static void ShouldHaveMovedEveryInstance(LabSession lab)
    {
        var computes = lab.Lab.Nodes.Where(n => n.Role == Inventory.Role.Compute).Select(n => n.Name).ToList();
        var instances = Directory.GetFiles(Path.Combine(lab.Paths.Cluster, "instances"))
            .Select(f => File.ReadAllLines(f).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1])).ToList();
        instances.Count.ShouldBe(computes.Count * InstancesPerCompute);
        instances.ShouldAllBe(i => i["status"] == "ACTIVE" && computes.Contains(i["host"]), "every instance runs again on a compute");
        var moves = File.ReadAllLines(Path.Combine(lab.Paths.Cluster, "live-migrations.log")).Select(l => l.Split('\t')).ToList();
        moves.Select(m => m[2]).Distinct().ShouldBe(computes, ignoreOrder: true, "instances were moved off every compute");
    }

    /// <summary>cinder doc admin/upgrades.rst, at run time, from the nodes' command logs: no controller's cinder-api started
    /// before the volume nodes' cinder-volume had, and once every node ran the new code the other cinder units got
    /// SIGHUP while cinder-api was restarted instead ("doesn't handle SIGHUP").</summary>
    private static void ShouldHaveUpgradedCinderByTheBook(LabSession lab)
    {
        var log = CommandLogEntry.ReadAll(lab.Paths);
        var volumes = lab.Lab.Nodes.Where(n => n.Role == Inventory.Role.Volume).Select(n => n.Name).ToHashSet();
        var controllers = lab.Lab.Controllers.Select(n => n.Name).ToHashSet();
        bool Starts(CommandLogEntry e, string unit) => e.CommandLine.StartsWith("systemctl", StringComparison.Ordinal)
            && e.CommandLine.Contains(" start ", StringComparison.Ordinal) && e.CommandLine.Split(' ').Contains(unit);
        var volumeStarted = log.Where(e => volumes.Contains(e.Node) && Starts(e, "cinder-volume")).Select(e => e.Time).ToList();
        var apiStarted = log.Where(e => controllers.Contains(e.Node) && Starts(e, "cinder-api")).ToList();
        volumeStarted.ShouldNotBeEmpty();
        apiStarted.Count.ShouldBeGreaterThanOrEqualTo(controllers.Count);
        apiStarted.ShouldAllBe(a => a.Time > volumeStarted.Max(), "every cinder-api starts after the volume nodes run the new cinder-volume");
        Directory.GetFiles(lab.Paths.Nodes, "cinder-volume.signals", SearchOption.AllDirectories).ShouldNotBeEmpty("cinder-volume got SIGHUP");
        Directory.GetFiles(lab.Paths.Nodes, "cinder-api.signals", SearchOption.AllDirectories).ShouldBeEmpty("cinder-api is restarted, never signalled");
        log.Where(e => controllers.Contains(e.Node) && e.CommandLine.StartsWith("systemctl", StringComparison.Ordinal)
                && e.CommandLine.Contains("restart", StringComparison.Ordinal) && e.CommandLine.Split(' ').Contains("cinder-api"))
            .Select(e => e.Node).Distinct().Count().ShouldBe(controllers.Count, "cinder-api restarted on every controller");
    }

    /// <summary>nova doc admin/upgrades.rst, at run time: on the VIP holder, `nova-status upgrade check` ran after the new
    /// nova packages were installed and before any nova unit started on it (command logs).</summary>
    private static void ShouldHaveCheckedNovaWithTheNewCodeBeforeItsUnitsStart(LabSession lab)
    {
        var vip = lab.Lab.Controllers.First().Name;
        var log = CommandLogEntry.ReadAll(lab.Paths).Where(e => e.Node == vip).ToList();
        var install = log.First(e => e.CommandLine.StartsWith("apt-get", StringComparison.Ordinal) && e.CommandLine.Split(' ').Contains("python3-nova"));
        var check = log.First(e => e.CommandLine.StartsWith("nova-status upgrade check", StringComparison.Ordinal) && e.Time > install.Time);
        check.ExitCode.ShouldBe(0);
        log.Where(e => e.Time > install.Time && e.CommandLine.StartsWith("systemctl start nova-", StringComparison.Ordinal))
            .ShouldAllBe(start => start.Time > check.Time, "no new nova unit starts before nova-status checked the new code");
    }

    /// <summary>node/unit → the version it was started with.</summary>
    /// <summary>The package whose code a unit runs: its line in the node's units.list ("unit package port service").</summary>
    private static string UnitPackage(LabPaths paths, string activeFile)
    {
        var node = activeFile.Split(Path.DirectorySeparatorChar)[0];
        var unit = Path.GetFileName(activeFile)[..^".active".Length];
        return File.ReadAllLines(Path.Combine(paths.Nodes, node, "units.list")).Select(l => l.Split(' ')).First(f => f[0] == unit)[1];
    }

    private static Dictionary<string, string> ActiveUnits(LabPaths paths) =>
        Directory.GetFiles(paths.Nodes, "*.active", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(paths.Nodes, f), f => File.ReadAllText(f).Trim());
}
