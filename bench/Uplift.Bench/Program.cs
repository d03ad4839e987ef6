namespace Uplift.Bench;

/// <summary>
/// Benchmarks that print figures: `dotnet run -c Release --project bench/Uplift.Bench -- NAME`.
/// Each benchmark is one class with a static Run(string[] args) returning an exit code.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, (string About, Func<string[], Task<int>> Run)> Benchmarks = new()
    {
        // name → (what it measures, entry point); each benchmark registers one line here.
        ["backup"] = ("backup+verify MB/s of a generated ~1 GB schema beside plain mysqldump | mysql (--size-mb N)", BackupBenchmark.Run),
        ["catalog"] = ("catalog load (first, cached, with overlay) and path finding", CatalogBenchmark.Run),
        ["executor"] = ("executor overhead per step (scheduling + journal) on the example's full plan, and a re-run found done", ExecutorBenchmark.Run),
        ["exec"] = ("a trivial command on 50 sshd nodes: uplift vs ansible vs parallel-ssh, cold and warm", ExecBenchmark.Run),
        ["lab-upgrade"] = ("wall time of a full lab upgrade with the lab's waits at zero (Uplift's overhead), per step; needs root", LabUpgradeBenchmark.Run),
        ["haproxy"] = ("admin socket round trip (unix, tcp, socat) and show stat read+parse of N backends (--backends N)", HaproxyBenchmark.Run),
        ["inventory"] = ("inventory load+validate, YAML write and Ansible INI import for 10 … 10,000 nodes", InventoryBenchmark.Run),
        ["openstack"] = ("OpenStack session overhead per call vs plain HttpClient, neutron agent list parsing (calls N)", OpenStackBenchmark.Run),
        ["speed"] = ("issue 17's figures in one run: fan-out cold/warm beside parallel-ssh and ansible, per-command latency, 10k plan via the CLI, seed-size estimate; needs root", SpeedBenchmark.Run),
        ["plan"] = ("planning time and peak memory for 10 … 10,000-node inventories", PlanBenchmark.Run),
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var bench))
        {
            Console.Error.WriteLine("usage: Uplift.Bench NAME [ARGS]; benchmarks:");
            foreach (var (name, (about, _)) in Benchmarks.OrderBy(b => b.Key))
            {
                Console.Error.WriteLine($"  {name,-10} {about}");
            }
            return 2;
        }
        return await bench.Run(args[1..]);
    }
}
