using System.Diagnostics;
using System.Text;
using Uplift.Inventory;
using Uplift.Inventory.Ansible;

namespace Uplift.Bench;

/// <summary>
/// Inventory load (parse + validate), native YAML write, and Ansible INI import for generated clusters of
/// 10 … 10,000 nodes. Prints wall-clock and CPU milliseconds (CPU is what a loaded machine does not inflate).
/// </summary>
public static class InventoryBenchmark
{
    public static Task<int> Run(string[] args)
    {
        // Warm up so JIT time is not counted.
        Measure(Native(10), Ini(10));
        Console.WriteLine(" nodes   load wall/cpu ms   write wall/cpu ms   import wall/cpu ms");
        foreach (var size in new[] { 10, 100, 1_000, 10_000 })
        {
            var (native, ini) = (Native(size), Ini(size));
            Measure(native, ini); // the first pass at a size still runs partly unoptimised (tiered JIT)
            var (load, write, import) = Measure(native, ini);
            Console.WriteLine($"{size,6}   {load,16}   {write,17}   {import,18}");
        }
        return Task.FromResult(0);
    }

    private static (string Load, string Write, string Import) Measure(string native, string ini)
    {
        ClusterInventory? inventory = null;
        var load = Time(() => inventory = InventoryLoader.Parse(native, "generated.yaml"));
        var write = Time(() => InventoryYamlWriter.Write(inventory!));
        var import = Time(() => AnsibleInventoryImporter.Parse(ini, "generated.ini"));
        return (load, write, import);
    }

    private static string Time(Action work)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        work();
        self.Refresh();
        return $"{clock.Elapsed.TotalMilliseconds:F0}/{(self.TotalProcessorTime - cpu).TotalMilliseconds:F0}";
    }

    private static string Native(int nodes)
    {
        var yaml = new StringBuilder("cluster: generated\npacemaker:\n  api_vip: openstack-api-vip\nnodes:\n");
        for (var i = 0; i < nodes; i++)
        {
            var role = i < 3 ? "controller" : "compute";
            yaml.Append($"  - name: n{i}\n    address: 10.{i / 65536}.{i / 256 % 256}.{i % 256}\n    roles: [{role}]\n    az: az{i % 3}\n");
        }
        return yaml.ToString();
    }

    private static string Ini(int nodes) =>
        $"[control]\nctl[1:3]\n\n[compute:children]\nrack1\n\n[rack1]\ncmp[00001:{nodes - 3:D5}] availability_zone=az1\n\n[all:vars]\nansible_user=deploy\n";
}
