using System.Diagnostics;
using System.Globalization;
using System.Text;
using Uplift.Haproxy;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Bench;

/// <summary>
/// HAProxy admin socket costs against a real haproxy (temporary directory, Unix socket only, no traffic):
/// one command's round trip over the Unix socket, over TCP and through socat in a shell (what a node costs
/// beyond SSH); read + parse of a show stat of N backends (--backends N, default 300; --rounds N, default 200).
/// </summary>
public static class HaproxyBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var backends = BenchArguments.Int(args, "--backends", 300);
        var rounds = BenchArguments.Int(args, "--rounds", 200);
        var directory = Directory.CreateTempSubdirectory("uplift-haproxy-bench-").FullName;
        var socket = Path.Combine(directory, "admin.sock");
        var config = new StringBuilder($"global\n    stats socket {socket} level admin\n    stats socket ipv4@127.0.20.250:28299 level admin\n"
            + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
            + "backend apibe\n    server ctl1 127.0.20.1:28001\n    server ctl2 127.0.20.2:28001\n    server ctl10 127.0.20.10:28001\n");
        for (var i = 1; i <= backends; i++)
        {
            config.Append(CultureInfo.InvariantCulture, $"backend bulk{i:0000}\n    server s1 127.0.20.200:28200\n");
        }
        await File.WriteAllTextAsync(Path.Combine(directory, "haproxy.cfg"), config.ToString());
        using var haproxy = Process.Start(new ProcessStartInfo("/usr/sbin/haproxy", ["-db", "-f", Path.Combine(directory, "haproxy.cfg")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            while (!File.Exists(socket))
            {
                await Task.Delay(10);
            }
            var unix = new HaproxyClient(new LocalAdminSocket(AdminSocketAddress.Parse(socket)));
            var tcp = new HaproxyClient(new LocalAdminSocket(AdminSocketAddress.Parse("127.0.20.250:28299")));
            await using var transport = new LocalTransport();
            var viaSocat = new HaproxyClient(new NodeAdminSocket(transport.ShellFor(new Node("lb", "127.0.0.1", [Role.Controller])),
                AdminSocketAddress.Parse(socket)));

            Console.WriteLine($"haproxy: {backends + 1} backends, {rounds} rounds per figure (median / p95)");
            await Measure("show servers state apibe, unix socket", rounds, () => unix.ListServersAsync("apibe"));
            await Measure("show servers state apibe, tcp socket", rounds, () => tcp.ListServersAsync("apibe"));
            await Measure("set server … drain + ready, unix socket", rounds, async () =>
            {
                await unix.SetStateAsync("apibe", "ctl1", ServerMode.Drain);
                await unix.SetStateAsync("apibe", "ctl1", ServerMode.Ready);
            });
            await Measure("show servers state apibe, socat in /bin/sh", Math.Min(rounds, 50), () => viaSocat.ListServersAsync("apibe"));
            var raw = await new LocalAdminSocket(AdminSocketAddress.Parse(socket)).SendAsync("show stat");
            Console.WriteLine($"show stat: {raw.Length / 1024.0:0} KiB, {ShowStat.Parse(raw).Count} lines");
            await Measure("show stat read + parse, unix socket", Math.Min(rounds, 50), () => unix.ShowStatAsync());
            await Measure("show stat parse only", Math.Min(rounds, 50), () => Task.FromResult(ShowStat.Parse(raw)));
            await Measure("show stat read + parse, socat in /bin/sh", Math.Min(rounds, 20), () => viaSocat.ShowStatAsync());
            return 0;
        }
        finally
        {
            haproxy.Kill(entireProcessTree: true);
            await haproxy.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task Measure(string what, int rounds, Func<Task> action)
    {
        await action();
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"  {what,-45} {times[times.Count / 2],8:0.000} ms {times[(int)(times.Count * 0.95)],8:0.000} ms");
    }
}
