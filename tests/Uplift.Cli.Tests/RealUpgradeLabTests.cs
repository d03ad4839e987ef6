using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Lab;
using Uplift.OpenStack;
using Uplift.Testing;
using Xunit.Abstractions;

namespace Uplift.Tests;

/// <summary>
/// The rehearsal on real OpenStack code (docs/lab.md): the lab of Debian trixie's Epoxy (2 controllers, 2 computes with
/// an instance each, 1 volume node) upgraded by `uplift run --to gazpacho --live-migrate` to Debian forky's packages, as
/// the README's main command does, while the probe reads every API's resources through the VIP with a real token.
/// Runs as root; the first run builds the root tree and forky's mirror in /var/cache/uplift-lab (minutes), later ones reuse them.
/// </summary>
[Collection(LabCollection.Name)]
[Trait("Category", "RealRehearsal")]
public sealed class RealUpgradeLabTests(ITestOutputHelper output)
{
    private const double Rate = 1;

    /// <summary>Each service's schemas: where its alembic scripts live in its package, and the schemas they version.</summary>
    private static readonly (string Service, string Scripts, string Schema)[] Schemas =
    [
        ("nova", "nova/db/main/migrations", "nova"),
        ("nova", "nova/db/api/migrations", "nova_api"),
        ("placement", "placement/db/sqlalchemy/alembic", "placement"),
        ("cinder", "cinder/db/migrations", "cinder"),
    ];

    [Fact]
    public async Task Given_trixies_epoxy_When_uplift_runs_to_gazpacho_under_the_probe_Then_every_node_runs_forkys_code_the_schemas_are_at_its_heads_the_apis_answer_and_no_request_failed()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var memory = new PeakMemory();
        await using var lab = await LabSession.UpAsync(state => new LabOptions(Controllers: 2, Network: 0, Computes: 2, Volumes: 1,
            StateDirectory: state, InstancesPerCompute: 1, OpenStack: true), stateParent: "/var/lib");
        var labUp = clock.Elapsed;
        var before = await SchemaVersionsAsync(lab);

        using var lanes = await LabProbe.OpenAsync(lab.Lab, TimeProvider.System, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var probe = new ProbeRunner(lanes.Http, TimeProvider.System).RunAsync(lanes.Targets, Rate, TimeSpan.FromHours(2), stop.Token);
        clock.Restart();
        var run = await UpliftProcess.RunAsync(TimeSpan.FromMinutes(90), new Dictionary<string, string>(),
            "run", "--inventory", lab.Paths.Inventory, "--catalog", lab.Paths.Catalog, "--to", "gazpacho", "--live-migrate", "--yes", "--state-dir", lab.Journals);
        var took = clock.Elapsed;
        await stop.CancelAsync();
        var drained = await probe;
        // The figures first: a run that fails or overruns still tells what the probe and the clock saw.
        var figures = $"real rehearsal, Epoxy → Gazpacho (drained): lab up {labUp.TotalMinutes:0.0} min, uplift run {took.TotalMinutes:0.0} min " +
            $"(exit {run.Code}), machine memory in use at most {memory.PeakGiB:0.0} GiB; probe {drained.Sent} requests at {Rate}/s to " +
            $"{drained.Frontends.Count} APIs through the VIP in {drained.Duration.TotalSeconds:0} s, {drained.Failures} failed, {drained.Frontends.Sum(f => f.Slow)} slow";
        output.WriteLine(figures);
        output.WriteLine(drained.ToText());
        Figures.Report(figures);
        var kept = Keep(lab.Journals, drained);
        output.WriteLine($"kept for reading: {kept}");
        // Whether HAProxy's own checks took a server down (a serving controller too slow to answer its check): with the
        // probe's failure causes, it tells a starved API from a drain that let requests through.
        var stat = await AdminSocket.QueryAsync(lab.Paths.HaproxySocket, "show stat", CancellationToken.None);
        File.WriteAllText(Path.Combine(kept, "haproxy-stat.csv"), stat);
        foreach (var row in Haproxy.ShowStat.Parse(stat).Where(r => r.IsServer && r.Field("chkdown") is { } down && down != "0"))
        {
            output.WriteLine($"HAProxy's checks took {row.Proxy}/{row.Service} down {row.Field("chkdown")} times ({row.Field("chkfail")} checks failed, down {row.Field("downtime")} s in all)");
        }
        // What real OpenStack accepted, in which order: each by-the-book rule judged from the journal's times.
        var journal = Path.Combine(lab.Journals, "lab.journal.sqlite");
        IReadOnlyList<RealRehearsal.RuleVerdict> verdicts = [];
        if (File.Exists(journal))
        {
            RealRehearsal.RunTimeline.Write(journal, Path.Combine(kept, "run.json"));
            var timeline = RealRehearsal.RunTimeline.FromJournal(journal);
            verdicts = RealRehearsal.ByTheBookAudit.Judge(timeline.Plan, timeline.Steps);
            output.WriteLine(string.Join('\n', verdicts));
            Figures.Report($"real rehearsal, by the book: {verdicts.Count(v => v.Outcome == RealRehearsal.RuleOutcome.Held)} rules held on real code, " +
                $"{verdicts.Count(v => v.Outcome == RealRehearsal.RuleOutcome.Broken)} broken, {verdicts.Count(v => v.Outcome == RealRehearsal.RuleOutcome.NotExercised)} not exercised");
        }

        run.Code.ShouldBe(0, run.Output[Math.Max(0, run.Output.Length - 4000)..]);
        File.Exists(journal).ShouldBeTrue($"the run's journal {journal}: the rules are judged from it");
        verdicts.Where(v => v.Outcome == RealRehearsal.RuleOutcome.Broken).ShouldBeEmpty();
        await ShouldRunTheTargetsCodeEverywhereAsync(lab);
        foreach (var node in lab.Lab.Nodes)
        {
            // Debian's puppet agent, disabled before the node changed and enabled again after (the audit's rule above).
            var puppet = await lab.SshAsync(node.Name, Nodes.Puppet.Query);
            puppet.Output.Split('\n')[0].ShouldBe("enabled", $"{node.Name}'s puppet agent after the run: {puppet.Output}");
        }
        var after = await SchemaVersionsAsync(lab);
        foreach (var (schema, (version, head)) in after)
        {
            version.ShouldBe(head, $"{schema}: at the head of the code the node now runs (before: {before[schema].Version})");
        }
        await ShouldHaveEveryInstanceActiveOnAComputeAsync(lab);
        var line = "real rehearsal, schemas " + string.Join(", ", after.Select(s => $"{s.Key} {before[s.Key].Version}→{s.Value.Version}"));
        output.WriteLine(line);
        Figures.Report(line);
        drained.Frontends.ShouldAllBe(f => f.Sent > 0);
        drained.Failures.ShouldBe(0, drained.ToText());
    }

    /// <summary>The run's log, report and journal and the probe's series (per 10 s), kept on the machine after the lab goes:
    /// where a failure window falls is read from them (/var/tmp/uplift-real-rehearsal/TIME, 0700).</summary>
    private static string Keep(string state, OpenStack.ProbeSummary probe)
    {
        var kept = Path.Combine("/var/tmp/uplift-real-rehearsal", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(kept, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/backups/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(kept, Path.GetRelativePath(state, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(kept, "probe.json"), probe.ToJson());
        return kept;
    }

    /// <summary>Every node's OpenStack code, read with dpkg on the node: forky's Gazpacho, trixie's Epoxy for the services
    /// the lab keeps there (keystone, glance: TargetSuite.Held); and every unit of the node active.</summary>
    private static async Task ShouldRunTheTargetsCodeEverywhereAsync(LabSession lab)
    {
        var held = TargetSuite.For("epoxy")!.Held;
        var catalog = CatalogLoader.Load(lab.Paths.Catalog);
        foreach (var node in lab.Lab.Nodes)
        {
            string[] services = node.Role switch
            {
                Role.Controller => [.. RootTree.Services],
                Role.Compute => ["nova"],
                _ => ["cinder"],
            };
            foreach (var service in services)
            {
                var version = await SucceedAsync(lab, node.Name, $"dpkg-query -W -f='${{Version}}' python3-{service}");
                var series = held.ContainsKey(service) ? "epoxy" : "gazpacho";
                var major = catalog.CodeVersionsOf(service)!.Majors[series];
                version.ShouldMatch($@"^(\d+:)?{major}\.", $"{node.Name}: python3-{service} is {series}'s");
            }
            var units = await lab.SshAsync(node.Name, "systemctl is-active " + string.Join(' ', OpenStackNodes.Units(node.Role)));
            units.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(s => s == "active", $"{node.Name}: {units.Output}");
        }
    }

    private static async Task ShouldHaveEveryInstanceActiveOnAComputeAsync(LabSession lab)
    {
        using var session = new OpenStackSession(CloudsYaml.Parse(File.ReadAllText(lab.Paths.CloudsYaml), lab.Paths.CloudsYaml, LabCloud.Name), TimeProvider.System);
        var compute = new ComputeClient(session);
        var servers = new List<Server>();
        foreach (var node in lab.Lab.Nodes.Where(n => n.Role == Role.Compute))
        {
            servers.AddRange(await compute.ServersOnHostAsync(node.Name));
        }
        servers.Count.ShouldBe(2, "the lab's two instances, each on a compute");
        servers.ShouldAllBe(s => s.Status == "ACTIVE");
    }

    /// <summary>schema → (its version in MariaDB, the head of the alembic scripts the controller's code ships).</summary>
    private static async Task<Dictionary<string, (string Version, string Head)>> SchemaVersionsAsync(LabSession lab)
    {
        var versions = new Dictionary<string, (string, string)>();
        foreach (var (_, scripts, schema) in Schemas)
        {
            var head = await SucceedAsync(lab, "ctl1", "python3 -W ignore -c 'import sys; from alembic.script import ScriptDirectory; " +
                $"print(ScriptDirectory(\"/usr/lib/python3/dist-packages/{scripts}\").get_current_head())' 2>/dev/null");
            var version = await SucceedAsync(lab, "ctl1", $"mysql -N -e 'select version_num from {schema}.alembic_version'");
            versions[schema] = (version, head);
        }
        return versions;
    }

    private static async Task<string> SucceedAsync(LabSession lab, string node, string command)
    {
        var result = await lab.SshAsync(node, command);
        result.ExitCode.ShouldBe(0, $"{node}: {command}: {result.Error}{result.Output}");
        return result.Output.Trim();
    }

    /// <summary>The machine's memory in use (MemTotal − MemAvailable of /proc/meminfo), sampled every 5 s while it lives.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer _timer;
        private long _peakKiB;

        public PeakMemory() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(5));

        public double PeakGiB => Interlocked.Read(ref _peakKiB) / 1024.0 / 1024.0;

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var fields = File.ReadAllLines("/proc/meminfo").Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
            var used = fields["MemTotal"] - fields["MemAvailable"];
            long seen;
            do
            {
                seen = Interlocked.Read(ref _peakKiB);
            }
            while (used > seen && Interlocked.CompareExchange(ref _peakKiB, used, seen) != seen);
        }
    }
}
