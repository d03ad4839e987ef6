using System.Security.Cryptography;
using System.Text;

namespace Uplift.Lab;

/// <summary>
/// An instance of the lab's nova: a file <c>cluster/instances/&lt;id&gt;</c> of <c>key=value</c> lines (an empty value is
/// null), written by the nova-api listeners (Shims/lab_nova.py) as instances live-migrate, and read by the systemctl
/// shim (a compute whose nova-compute stops with instances on it is a violation). Nothing runs: it is a record.
/// </summary>
/// <param name="Host">The compute it runs on (nova's OS-EXT-SRV-ATTR:host); during a live migration still the source.</param>
/// <param name="TaskState">"migrating" while a live migration runs, else null.</param>
public sealed record LabInstance(string Id, string Name, string Host, string Status, string? TaskState)
{
    public const string Directory = "instances";

    /// <summary>The initial instances of a lab: <see cref="LabOptions.InstancesPerCompute"/> ACTIVE ones per compute,
    /// named lab-&lt;compute&gt;-&lt;n&gt;, ids stable per name. Paths relative to cluster/.</summary>
    public static IReadOnlyDictionary<string, string> Files(LabLayout lab) =>
        lab.Nodes.Where(n => n.Role == Inventory.Role.Compute)
            .SelectMany(node => Enumerable.Range(1, lab.Options.InstancesPerCompute)
                .Select(i => new LabInstance(IdOf($"lab-{node.Name}-{i}"), $"lab-{node.Name}-{i}", node.Name, "ACTIVE", null)))
            .ToDictionary(i => $"{Directory}/{i.Id}", i => i.ToText());

    /// <summary>Every instance of a running lab, by name.</summary>
    public static IReadOnlyList<LabInstance> ReadAll(LabPaths paths)
    {
        var directory = Path.Combine(paths.Cluster, Directory);
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }
        return [.. System.IO.Directory.EnumerateFiles(directory)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Parse(Path.GetFileName(f), File.ReadAllText(f)))
            .OrderBy(i => i.Name, StringComparer.Ordinal)];
    }

    public static LabInstance Parse(string id, string text)
    {
        var fields = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2))
            .Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1].Length == 0 ? null : kv[1]);
        return new LabInstance(id, fields.GetValueOrDefault("name") ?? id, fields.GetValueOrDefault("host") ?? "",
            fields.GetValueOrDefault("status") ?? "", fields.GetValueOrDefault("task_state"));
    }

    public string ToText() => $"name={Name}\nhost={Host}\nstatus={Status}\ntask_state={TaskState}\nvm_state=active\n";

    /// <summary>A UUID-shaped id derived from the name, so a lab's instances have the same ids every time.</summary>
    private static string IdOf(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("uplift-lab instance " + name));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
