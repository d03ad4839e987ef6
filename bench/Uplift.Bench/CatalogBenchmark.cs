using System.Diagnostics;
using System.Globalization;
using System.Text;
using Uplift.Catalog;

namespace Uplift.Bench;

/// <summary>
/// Catalog loading: the first (parsing) load of the embedded data, the cached load, a load with a
/// small overlay, and path finding between every pair of releases. Prints figures; asserts nothing.
/// </summary>
public static class CatalogBenchmark
{
    public static Task<int> Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        // CPU time too: on a shared, loaded machine wall-clock time mostly measures waiting for a core.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var first = Stopwatch.StartNew();
        var catalog = CatalogLoader.LoadEmbedded();
        first.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"first load (parse embedded YAML, JIT included): {first.Elapsed.TotalMilliseconds:F1} ms wall, {cpu.TotalMilliseconds:F1} ms CPU; " +
            $"{catalog.Services.Count} services, {catalog.Releases.Count} releases");

        Report("cached load", rounds, () => CatalogLoader.LoadEmbedded());

        var overlay = Encoding.UTF8.GetBytes("""
            dependencies:
              compute: [site-agent]
            services:
              - name: sitemon
                after: [keystone]
                units: {controller: [sitemon-api]}
                packages: {controller: [sitemon]}
            """);
        Report("load with overlay", rounds, () => CatalogLoader.WithOverlay(overlay, "site.yaml"));

        var paths = new UpgradePaths(catalog);
        var pairs = catalog.Releases.SelectMany((a, i) => catalog.Releases.Skip(i).Select(b => (a, b))).ToList();
        Report($"find all {pairs.Count} paths", rounds, () => pairs.ForEach(p => paths.Find(p.a, p.b)));
        return Task.FromResult(0);
    }

    private static void Report(string what, int rounds, Action action)
    {
        action();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            action();
        }
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{what}: {clock.Elapsed.TotalMicroseconds / rounds:F1} µs wall, {cpu.TotalMicroseconds / rounds:F1} µs CPU each ({rounds} rounds)");
    }
}
