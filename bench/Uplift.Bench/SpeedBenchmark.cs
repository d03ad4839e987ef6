using System.Diagnostics;
using System.Globalization;
using System.Text;
using Uplift.Catalog;
using Uplift.Cli;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Testing.Sshd;
using Uplift.Transports;
using Uplift.Upgrade.Estimate;
using Uplift.Upgrade.Planning;

namespace Uplift.Bench;

/// <summary>
/// Where operators feel speed, in one run (issue 17's figures): a trivial command on 50 loopback sshd nodes with Uplift
/// cold and warm (in process, and the CLI twice in a row with its kept masters) beside parallel-ssh and ansible; the time
/// per command on one node, warm; the CLI planning 10,000 nodes (wall time and peak memory); the estimate of a seed-size
/// cluster (examples/large-inventory.yaml) in place and with live migration, at the documented defaults and conservative
/// figures. Usage: speed [--nodes 50] [--parallel 24] [--rounds 3] [--plan-only]. Needs root (it creates the nodes' account),
/// but for --plan-only (the 10,000-node plan alone).
/// </summary>
public static class SpeedBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var count = BenchArguments.Int(args, "--nodes", 50);
        var parallel = BenchArguments.Int(args, "--parallel", 24);
        var rounds = BenchArguments.Int(args, "--rounds", 3);
        if (args.Contains("--plan-only"))
        {
            Console.WriteLine("== plan 10,000 nodes through the CLI (uplift plan --format json -o FILE) ==");
            await PlanTenThousand(rounds);
            return 0;
        }
        Console.WriteLine($"== fan-out: `true` on {count} nodes, {parallel} at a time, {rounds} rounds ==");
        await ExecBenchmark.Run(["--nodes", $"{count}", "--parallel", $"{parallel}", "--rounds", $"{rounds}", "--with-cli"]);
        Console.WriteLine();
        Console.WriteLine("== plan 10,000 nodes through the CLI (uplift plan --format json -o FILE) ==");
        await PlanTenThousand(rounds);
        Console.WriteLine();
        Console.WriteLine("== estimate of a seed-size cluster (3 controllers, 12 network, 83 computes; examples/large-inventory.yaml) ==");
        Estimates();
        Console.WriteLine($"\nload average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static async Task PlanTenThousand(int rounds)
    {
        var directory = Directory.CreateTempSubdirectory("uplift-bench-plan-").FullName;
        try
        {
            var inventory = Path.Combine(directory, "inventory.yaml");
            await File.WriteAllTextAsync(inventory, PlanBenchmark.Inventory(10_000));
            var output = Path.Combine(directory, "plan.json");
            var runs = new List<(double Seconds, long PeakKb)>();
            for (var i = 0; i < rounds; i++)
            {
                runs.Add(await TimeCli(["plan", "-i", inventory, "--from", "epoxy", "--to", "flamingo", "--format", "json", "-o", output]));
            }
            var best = runs.MinBy(r => r.Seconds);
            Console.WriteLine(Invariant($"  wall {Median(runs.Select(r => r.Seconds)):0.00} s median ({best.Seconds:0.00} s best), peak RSS {runs.Max(r => r.PeakKb) / 1024.0:0} MB, {new FileInfo(output).Length / 1e6:0.0} MB of JSON (target: < 1 s, < 300 MB)"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Estimates()
    {
        var inventory = InventoryLoader.Load(Fixtures.Project("examples/large-inventory.yaml"));
        var catalog = CatalogLoader.LoadEmbedded();
        // Conservative: the seed's own cluster (8,000 instances on 83 computes), a minute per migration, servers that reboot.
        var conservative = new EstimateSettings(InstancesPerCompute: 96, LiveMigrationSeconds: 60, RebootSeconds: 300);
        foreach (var (name, settings) in new[] { ("documented defaults", new EstimateSettings()), ("conservative (96 instances/compute, 60 s each, reboots)", conservative) })
        {
            foreach (var live in new[] { false, true })
            {
                var plan = Planner.Build(inventory, catalog, "epoxy", "flamingo", new PlanOptions(LiveMigrate: live));
                var estimate = PlanEstimate.Of(plan, settings, inventory.Concurrency);
                var bound = estimate.CriticalPath[0];
                Console.WriteLine(Invariant($"  {name,-55} {(live ? "live migration" : "in place"),-15} {Timing.Durations.Human(estimate.Total),-12} bound by {bound.What} {Timing.Durations.Human(bound.Time)}"));
            }
        }
        Console.WriteLine("  (the seed's script: ~4 h for its cluster, computes in place)");
    }

    /// <summary>Runs the uplift CLI and returns its wall time and peak resident memory (GNU time's %M).</summary>
    internal static async Task<(double Seconds, long PeakKb)> TimeCli(IReadOnlyList<string> arguments)
    {
        var (program, prefix) = Cli();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "peak-kb %M", program }.Concat(prefix).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        await output;
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"  uplift {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Trim()}");
        }
        var peak = error.Split('\n').LastOrDefault(l => l.StartsWith("peak-kb ", StringComparison.Ordinal)) is { } line ? long.Parse(line[8..], CultureInfo.InvariantCulture) : 0;
        return (seconds, peak);
    }

    /// <summary>The uplift CLI this benchmark was built with: its apphost, or dotnet and its dll.</summary>
    /// <summary>The uplift command line as operators run it: compiled ahead of time (scripts/uplift publishes it ReadyToRun
    /// into artifacts/cli, as scripts/package builds the installed one), built first when its sources changed.</summary>
    internal static (string Program, IReadOnlyList<string> Prefix) Cli()
    {
        using var build = Process.Start(new ProcessStartInfo("bash", [Fixtures.Project("scripts/uplift"), "--version"]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("could not run scripts/uplift");
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        return build.ExitCode == 0
            ? (Fixtures.Project("artifacts/cli/uplift"), [])
            : throw new InvalidOperationException("scripts/uplift could not build the command line");
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string InventoryOf(LoopbackSshCluster cluster) =>
        new StringBuilder("cluster: bench-exec\nnodes:\n")
            .AppendJoin("", cluster.Nodes.Select(n => $"  - {{ name: {n.Name}, address: {n.Address}, roles: [compute] }}\n"))
            .Append(cluster.InventorySshSection()).ToString();
}
