using Uplift.Inventory;

namespace Uplift.Lab;

/// <summary>
/// What a node of one role holds above the base tree: the base tree with the other roles' service packages purged and,
/// with them, what only they pulled in (<see cref="OpenStackNodes.PurgeCommand"/>). Made once per role into
/// <see cref="RootTree.CacheDirectory"/> as an overlay layer (its whiteouts hide the purged files) and stacked between
/// the base tree and each node's own layer: a second <c>lab up</c> purges nothing (about 30 s of dpkg per node, two
/// nodes at a time on 2 cores, measured 2026-12-07).
/// </summary>
public static class RoleLayer
{
    public static string PathOf(string baseTree, Role role) => $"{baseTree}-{role.ToString().ToLowerInvariant()}";

    /// <summary>What a layer was made from: the purge and the base tree it was made on (its dpkg status file's time: a
    /// base tree built again makes every layer again). Pure.</summary>
    public static string Manifest(Role role, DateTime baseStatusWritten) =>
        OpenStackNodes.PurgeCommand(role) + "\n" + baseStatusWritten.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "\n";

    /// <summary>The overlay's lowerdir for a node of <paramref name="role"/>: its role's layer over the base tree.</summary>
    public static string LowerDirs(string baseTree, Role role) => PathOf(baseTree, role) + ":" + baseTree;

    /// <summary>The layer of <paramref name="role"/>, made when missing or made from another purge or base tree.</summary>
    public static async Task<string> EnsureAsync(string baseTree, Role role, TextWriter output, CancellationToken cancel)
    {
        var layer = PathOf(baseTree, role);
        var marker = layer + ".uplift-manifest";
        var manifest = Manifest(role, File.GetLastWriteTimeUtc(Path.Combine(baseTree, "var", "lib", "dpkg", "status")));
        if (File.Exists(marker) && await File.ReadAllTextAsync(marker, cancel) == manifest && Directory.Exists(layer))
        {
            return layer;
        }
        var building = layer + ".building";
        foreach (var stale in new[] { layer, building })
        {
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }
        foreach (var directory in new[] { "upper", "work", "merged" })
        {
            Directory.CreateDirectory(Path.Combine(building, directory));
        }
        output.WriteLine($"Making the {role.ToString().ToLowerInvariant()} nodes' layer of the base tree in {layer} (once; about 30 s) …");
        // The purge runs in a mount namespace of its own: the overlay and its /proc go when the shell ends.
        var script = """
            set -e
            mount -t overlay overlay -o "lowerdir=$1,upperdir=$2/upper,workdir=$2/work" "$2/merged"
            mount -t proc proc "$2/merged/proc"
            chroot "$2/merged" /bin/sh -c "$3 >/var/log/uplift-lab-purge.log 2>&1" || { tail -20 "$2/upper/var/log/uplift-lab-purge.log"; exit 1; }
            """;
        var result = await LocalProgram.RunAsync("unshare", ["--mount", "--propagation", "private", "--", "/bin/sh", "-c", script, "sh",
            baseTree, building, OpenStackNodes.PurgeCommand(role)], cancel: cancel);
        if (result.ExitCode != 0)
        {
            throw new LabException($"purging the {role} nodes' layer failed (exit {result.ExitCode}): {(result.Error + result.Output).Trim()}");
        }
        Directory.Move(Path.Combine(building, "upper"), layer);
        Directory.Delete(building, recursive: true);
        await File.WriteAllTextAsync(marker, manifest, cancel);
        return layer;
    }
}
