using System.Diagnostics;
using System.Text;
using Uplift.Catalog;
using Uplift.Inventory;
using Uplift.Planning;
using Uplift.Upgrade.Planning;

namespace Uplift.Bench;

/// <summary>
/// Planning time and peak memory for generated inventories of 10, 100, 1,000 and 10,000 nodes.
/// Each size runs in its own process so its peak memory is its own. Target: 10,000 nodes in under 1 s and 300 MB.
/// </summary>
public static class PlanBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        if (args is ["--size", var one])
        {
            return Measure(int.Parse(one));
        }
        Console.WriteLine("wall-clock ms (and CPU ms of the process, which a loaded machine does not inflate)");
        Console.WriteLine(" nodes        load         plan         json        total    steps  json(MB)  alloc(MB)  peak RSS(MB)");
        foreach (var size in new[] { 10, 100, 1_000, 10_000 })
        {
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
            // When run through `dotnet Uplift.Bench.dll`, ProcessPath is dotnet: pass the dll again.
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(PlanBenchmark).Assembly.Location);
            }
            foreach (var a in new[] { "plan", "--size", size.ToString() })
            {
                start.ArgumentList.Add(a);
            }
            using var child = Process.Start(start)!;
            Console.Write(await child.StandardOutput.ReadToEndAsync());
            await child.WaitForExitAsync();
        }
        return 0;
    }

    private static int Measure(int nodes)
    {
        var yaml = Inventory(nodes);
        var catalog = CatalogLoader.LoadEmbedded();
        // Warm up the code paths on a small cluster so JIT time is not counted as planning time.
        PlanJson.Write(Planner.Build(InventoryLoader.Parse(Inventory(10), "warmup.yaml"), catalog, "epoxy", "flamingo"), Stream.Null);

        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var clock = Stopwatch.StartNew();
        var inventory = InventoryLoader.Parse(yaml, $"generated-{nodes}.yaml");
        var load = clock.Elapsed;
        var loadCpu = Cpu(self) - cpu;
        var loadAlloc = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var loadFull = GC.CollectionCount(2) - collections[2];
        var plan = Planner.Build(inventory, catalog, "epoxy", "flamingo");
        var planned = clock.Elapsed;
        var planCpu = Cpu(self) - cpu - loadCpu;
        var planAlloc = GC.GetTotalAllocatedBytes(precise: true) - allocated - loadAlloc;
        var planFull = GC.CollectionCount(2) - collections[2] - loadFull;
        using var sink = new CountingStream();
        PlanJson.Write(plan, sink);
        var total = clock.Elapsed;

        self.Refresh();
        var totalCpu = Cpu(self) - cpu;
        var allocMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
        static string Pair(TimeSpan wall, TimeSpan cpu) => $"{wall.TotalMilliseconds,6:F0} ({cpu.TotalMilliseconds,4:F0})";
        Console.WriteLine($"{nodes,6} {Pair(load, loadCpu)} {Pair(planned - load, planCpu)} {Pair(total - planned, totalCpu - loadCpu - planCpu)} {Pair(total, totalCpu)} {plan.Steps.Count,8} {sink.Length / 1e6,9:F1} {allocMb,10:F0} {self.PeakWorkingSet64 / 1e6,13:F0}  allocated MB load/plan/json {loadAlloc / 1e6:F0}/{planAlloc / 1e6:F0}/{(GC.GetTotalAllocatedBytes(precise: true) - allocated - loadAlloc - planAlloc) / 1e6:F0}, GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms, gen0/1/2 {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]} (gen2 load/plan/json {loadFull}/{planFull}/{GC.CollectionCount(2) - collections[2] - loadFull - planFull})");
        return 0;
    }

    private static TimeSpan Cpu(Process self)
    {
        self.Refresh();
        return self.TotalProcessorTime;
    }

    /// <summary>3 controllers, 1 network node per 10 computes, 2 volume nodes, the rest computes in 3 zones.</summary>
    internal static string Inventory(int nodes)
    {
        var text = new StringBuilder("cluster: bench\npacemaker:\n  api_vip: openstack-api-vip\nnodes:\n");
        var network = Math.Max(1, nodes / 10);
        var computes = Math.Max(1, nodes - 3 - network - 2);
        void Node(string name, int i, string role, string? az = null) =>
            text.Append($"  - name: {name}\n    address: 10.{i / 62500 % 250}.{i / 250 % 250}.{i % 250 + 1}\n    roles: [{role}]\n")
                .Append(az is null ? "" : $"    az: {az}\n");
        var n = 0;
        for (var i = 1; i <= 3; i++) Node($"ctl{i}", n++, "controller");
        for (var i = 1; i <= network; i++) Node($"net{i}", n++, "network");
        for (var i = 1; i <= 2; i++) Node($"vol{i}", n++, "volume");
        for (var i = 1; i <= computes; i++) Node($"cmp{i}", n++, "compute", $"az{i % 3 + 1}");
        return text.ToString();
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
    }
}
