using System.Security.Cryptography;
using System.Text;

namespace Uplift.Lab;

/// <summary>
/// The APT repository a lab of real OpenStack code upgrades to: the target suite's packages that the lab's nodes need,
/// downloaded once into <see cref="RootTree.CacheDirectory"/> (a second <c>lab up</c> downloads nothing) and served over
/// HTTP on the VIP while the lab is up, as an operator's local mirror would be. Which packages: what the node's own apt
/// resolves, in an overlay of the base tree with the target suite added, for every role's packages and the catalog's
/// dependency and infrastructure packages the tree holds.
/// </summary>
public static class TargetMirror
{
    public const int Port = 8099;

    /// <summary>The sources line a node uses for the mirror (no signature: the lab made it; apt is told so).</summary>
    public static string SourceLine(TargetSuite target) => $"deb [trusted=yes] http://{LabLayout.VipAddress}:{Port}/ {target.Suite} main";

    public static string PathOf(TargetSuite target) => Path.Combine(RootTree.CacheDirectory, target.Suite + "-mirror");

    public static string PidFile(LabPaths paths) => Path.Combine(paths.State, "mirror.pid");

    private static string Marker(TargetSuite target) => Path.Combine(PathOf(target), ".uplift-packages");

    /// <summary>The packages whose upgrade the mirror holds: every role's service packages but the held services', and the
    /// catalog's dependency and infrastructure packages that the base tree (its dpkg status file) has installed. Pure.</summary>
    public static IReadOnlyList<string> Request(LabLayout lab, TargetSuite target, string dpkgStatus)
    {
        var roles = new[] { Inventory.Role.Controller, Inventory.Role.Compute, Inventory.Role.Volume };
        var held = Held(lab, target).ToHashSet();
        var installed = RootTree.Installed(dpkgStatus);
        var catalog = roles.SelectMany(r => lab.Catalog.DependenciesOn(r).Concat(lab.Catalog.InfrastructureOn(r))).Where(installed.Contains);
        return [.. roles.SelectMany(OpenStackNodes.Packages).Where(p => !held.Contains(p)).Concat(catalog).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The held services' packages (the catalog's, every role).</summary>
    public static IReadOnlyList<string> Held(LabLayout lab, TargetSuite target) =>
        [.. lab.Catalog.Services.Where(s => target.Held.ContainsKey(s.Name)).SelectMany(s => Enum.GetValues<Inventory.Role>().SelectMany(s.PackagesOn)).Distinct()];

    /// <summary>The mirror for <paramref name="target"/> holding <paramref name="packages"/>' upgrade; downloaded when
    /// missing or made for another package list.</summary>
    /// <param name="held">Packages of the held services, never taken from the target suite.</param>
    public static async Task<string> EnsureAsync(TargetSuite target, string baseTree, IReadOnlyList<string> packages, IReadOnlyList<string> held,
        TextWriter output, CancellationToken cancel)
    {
        var mirror = PathOf(target);
        // Made with the Python stack whole (the "python" line of the download script).
        var manifest = "python-stack " + string.Join(' ', packages) + "\n";
        if (File.Exists(Marker(target)) && await File.ReadAllTextAsync(Marker(target), cancel) == manifest
            && File.Exists(Path.Combine(mirror, "dists", target.Suite, "Release")))
        {
            return mirror;
        }
        var work = mirror + ".building";
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
        var log = Path.Combine(RootTree.CacheDirectory, $"mirror-{target.Suite}.log");
        output.WriteLine($"Downloading {target.Suite}'s packages for {target.Release} into {mirror} (once; about a minute, log {log}) …");
        foreach (var directory in new[] { "upper", "work", "merged", "repo/pool" })
        {
            Directory.CreateDirectory(Path.Combine(work, directory));
        }
        // The node's own apt resolves the upgrade: an overlay of the base tree (nothing of it changes) with the target suite
        // added. The archive's Release of a suite being frozen may be past its Valid-Until: the lab takes it as it is.
        var script = """
            set -e
            tree=$1 work=$2 suite=$3
            shift 3
            mount -t overlay overlay -o "lowerdir=$tree,upperdir=$work/upper,workdir=$work/work" "$work/merged"
            cp /etc/resolv.conf "$work/merged/etc/resolv.conf"
            printf 'deb http://deb.debian.org/debian %s main\n' "$suite" > "$work/merged/etc/apt/sources.list.d/target.list"
            chroot "$work/merged" apt-get -o Acquire::Check-Valid-Until=false -q update
            # The Python stack moves as one: every python3 package the tree has that the suite has newer (but the held
            # services' own, in HELD) comes along, not only those the services' packages pull.
            python=$(chroot "$work/merged" apt list --upgradable 2>/dev/null | sed -n 's|^\(python3[^/]*\)/.*|\1|p' | grep -vxF -e "$HELD" || true)
            chroot "$work/merged" apt-get -o Acquire::Check-Valid-Until=false -q -y --download-only install "$@" $python
            """;
        var download = await LocalProgram.RunAsync("unshare", ["--mount", "--propagation", "private", "--", "/bin/sh", "-c", script, "sh",
            baseTree, work, target.Suite, .. packages], environment: new Dictionary<string, string> { ["HELD"] = string.Join('\n', held) }, cancel: cancel);
        await File.WriteAllTextAsync(log, download.Output + download.Error, cancel);
        if (download.ExitCode != 0)
        {
            throw new LabException($"downloading {target.Suite}'s packages failed (exit {download.ExitCode}); see {log}");
        }
        var archives = Path.Combine(work, "upper", "var", "cache", "apt", "archives");
        var debs = Directory.Exists(archives) ? Directory.GetFiles(archives, "*.deb") : [];
        if (debs.Length == 0)
        {
            throw new LabException($"{target.Suite} offers nothing newer for the lab's packages; see {log}");
        }
        foreach (var deb in debs)
        {
            File.Move(deb, Path.Combine(work, "repo", "pool", Path.GetFileName(deb)));
        }
        await WriteIndexAsync(Path.Combine(work, "repo"), target.Suite, cancel);
        if (Directory.Exists(mirror))
        {
            Directory.Delete(mirror, recursive: true);
        }
        Directory.Move(Path.Combine(work, "repo"), mirror);
        Directory.Delete(work, recursive: true);
        await File.WriteAllTextAsync(Marker(target), manifest, cancel);
        output.WriteLine($"{debs.Length} packages of {target.Suite} in {mirror}.");
        return mirror;
    }

    /// <summary>The names of the packages the mirror holds (its Packages index).</summary>
    public static IReadOnlyList<string> PackagesIn(string mirror, string suite) =>
        [.. File.ReadLines(Path.Combine(mirror, "dists", suite, "main", "binary-amd64", "Packages"))
            .Where(l => l.StartsWith("Package: ", StringComparison.Ordinal))
            .Select(l => l["Package: ".Length..].Trim())
            .Distinct()];

    /// <summary>dists/SUITE/main/binary-amd64/Packages (dpkg-scanpackages) and the Release file apt reads first.</summary>
    private static async Task WriteIndexAsync(string repo, string suite, CancellationToken cancel)
    {
        var index = Path.Combine(repo, "dists", suite, "main", "binary-amd64");
        Directory.CreateDirectory(index);
        var packages = await LocalProgram.RunAsync("/bin/sh", ["-c", "cd \"$1\" && dpkg-scanpackages -m pool /dev/null", "sh", repo], cancel: cancel);
        if (packages.ExitCode != 0)
        {
            throw new LabException($"dpkg-scanpackages failed in {repo}: {packages.Error.Trim()}");
        }
        await File.WriteAllTextAsync(Path.Combine(index, "Packages"), packages.Output, cancel);
        await File.WriteAllTextAsync(Path.Combine(repo, "dists", suite, "Release"), Release(suite, "main/binary-amd64/Packages", packages.Output), cancel);
    }

    /// <summary>A Release file listing one index (apt checks its size and sha256). Pure.</summary>
    public static string Release(string suite, string indexPath, string index)
    {
        var bytes = Encoding.UTF8.GetBytes(index);
        return new StringBuilder()
            .Append("Origin: Uplift lab\nLabel: Uplift lab mirror\n")
            .Append($"Suite: {suite}\nCodename: {suite}\nComponents: main\nArchitectures: amd64\n")
            .Append($"Date: {DateTimeOffset.UtcNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture)}\n")
            .Append($"SHA256:\n {Convert.ToHexStringLower(SHA256.HashData(bytes))} {bytes.Length} {indexPath}\n")
            .ToString();
    }

    /// <summary>Serves the mirror on the VIP (python3's http.server), its pid in <see cref="PidFile"/> for <c>lab down</c>.</summary>
    public static async Task StartAsync(LabPaths paths, string mirror, CancellationToken cancel)
    {
        var log = Path.Combine(paths.State, "mirror.log");
        await LocalProgram.CheckAsync("/bin/sh", ["-c", "setsid python3 -m http.server --bind \"$1\" --directory \"$2\" \"$3\" </dev/null >>\"$4\" 2>&1 & echo $! > \"$5\"",
            "sh", LabLayout.VipAddress, mirror, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), log, PidFile(paths)], cancel: cancel);
    }
}

/// <summary>The Debian suite that ships a release a lab of real OpenStack code can be upgraded to.</summary>
/// <param name="Held">Services whose packages the suite does not have at that release: they stay on the starting
/// release in the lab (its catalog overlay leaves them out of the upgrade), with the reason.</param>
/// <param name="ServiceTokenRoles">Why the suite's keystonemiddleware already requires the service role in service tokens
/// at this release (a later release's library): the overlay adds the catalog's rule here too; null when it does not.</param>
public sealed record TargetSuite(string Release, string Suite, IReadOnlyDictionary<string, string> Held, string? ServiceTokenRoles = null)
{
    /// <summary>Debian forky ships OpenStack Gazpacho (2026.1) for nova 2:33.0.2, neutron 2:28.0.1, placement 15.0.0,
    /// cinder 2:28.0.0, heat 1:26.0.1; but its keystone is 2:30.0.0 (Hibiscus) and it has no glance (sid only)
    /// (packages.debian.org and forky's Packages, checked 2026-12-06).</summary>
    private static readonly TargetSuite Gazpacho = new("gazpacho", "forky", new Dictionary<string, string>
    {
        ["keystone"] = "forky's keystone is 2:30.0.0, Hibiscus, not Gazpacho",
        // Tried on 2026-12-06: sid's glance 33 (Hibiscus) needs python3-oslo.policy >= 6.0.0, whose sid package Breaks
        // forky's python3-neutron-lib 3.24 (Gazpacho's neutron): no glance shares a Gazpacho controller's Python stack.
        // Epoxy's glance keeps its running processes; a restart dies in oslo.db 18 (no EngineFacade).
        ["glance"] = "no Debian suite has Gazpacho's glance (forky none, sid Hibiscus's, which breaks forky's neutron-lib)",
    }, ServiceTokenRoles: "Debian forky's python3-keystonemiddleware is 13.0.1, Hibiscus's (stable/2026.1 is 12.0.0): from 13.0.0 service_token_roles_required defaults to True (keystonemiddleware releasenotes/notes/service-token-roles-required-default-true-8a4f52c3d9b7e1f6.yaml); nova's calls to neutron got 401 without the role, seen here");

    /// <summary>The suite a lab starting on <paramref name="startSeries"/> is upgraded to; null when there is none.</summary>
    public static TargetSuite? For(string startSeries) => startSeries == "epoxy" ? Gazpacho : null;
}
