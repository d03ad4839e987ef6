using System.Text;
using Uplift.Haproxy;
using Uplift.Lab;

namespace Uplift.Tests;

/// <summary>
/// What an upgrade changes on a lab, read from the lab's own files and its HAProxy: each node's installed packages,
/// APT sources and configuration, its units (active with which version, enabled, masked), the cluster's schema phases,
/// online migrations, Pacemaker and compute-service state, contract violations, and each HAProxy server's admin state.
/// Two snapshots compare equal when nothing changed.
/// </summary>
internal sealed record LabState(IReadOnlyDictionary<string, string> Files, IReadOnlyDictionary<string, string> Servers)
{
    public static async Task<LabState> TakeAsync(LabPaths paths)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string directory, string pattern = "*")
        {
            if (!Directory.Exists(directory))
            {
                return;
            }
            foreach (var file in Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories).Where(f => !f.EndsWith(".pid", StringComparison.Ordinal)))
            {
                files[Path.GetRelativePath(paths.State, file)] = File.ReadAllText(file);
            }
        }
        foreach (var node in Directory.GetDirectories(paths.Nodes))
        {
            Add(Path.Combine(node, "var", "lib"));
            Add(Path.Combine(node, "units"));
            foreach (var etc in Directory.GetDirectories(Path.Combine(node, "etc")).Where(d => Path.GetFileName(d) != "ssh"))
            {
                Add(etc);
            }
        }
        foreach (var part in new[] { "db", "migrations", "pacemaker", "compute", "instances" })
        {
            Add(Path.Combine(paths.Cluster, part));
        }
        Add(paths.Cluster, "violations");
        var client = new HaproxyClient(new LocalAdminSocket(AdminSocketAddress.Parse(paths.HaproxySocket)));
        var servers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var backend in await client.ListBackendsAsync())
        {
            foreach (var server in await client.ListServersAsync(backend))
            {
                servers[$"{backend}/{server.Name}"] = server.AdminStateText;
            }
        }
        return new LabState(files, servers);
    }

    /// <summary>Every difference, one per line ("" when none), for a readable failure.</summary>
    public string Differences(LabState after)
    {
        var text = new StringBuilder();
        foreach (var (what, before, now) in new[] { ("file", Files, after.Files), ("haproxy server", Servers, after.Servers) })
        {
            foreach (var key in before.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var was = before.GetValueOrDefault(key);
                var became = now.GetValueOrDefault(key);
                if (was != became)
                {
                    text.AppendLine($"{what} {key}: [{was?.Trim() ?? "absent"}] -> [{became?.Trim() ?? "absent"}]");
                }
            }
        }
        return text.ToString();
    }
}
