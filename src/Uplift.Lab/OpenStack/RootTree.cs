namespace Uplift.Lab;

/// <summary>
/// The base root tree every node of a lab of real OpenStack code overlays: a Debian suite with the OpenStack packages,
/// built once by mmdebstrap and kept in <see cref="CacheDirectory"/> (a second <c>lab up</c> downloads nothing).
/// Debian trixie (13) ships OpenStack Epoxy (2025.1): nova 2:31.0.0, keystone 2:27.0.0, neutron 2:26.0.3,
/// placement 13.0.0, glance 2:30.0.0, cinder 2:26.0.0, heat 1:24.0.0 (packages.debian.org, checked 2026-12-05).
/// </summary>
public static class RootTree
{
    public const string CacheDirectory = "/var/cache/uplift-lab";

    /// <summary>The Debian suite that ships each release the real lab can start on.</summary>
    public static IReadOnlyDictionary<string, string> SuiteOf { get; } = new Dictionary<string, string> { ["epoxy"] = "trixie" };

    /// <summary>The catalog services whose real code the tree holds (horizon and the network agents are not in it).</summary>
    public static IReadOnlyList<string> Services { get; } = ["keystone", "glance", "placement", "nova", "neutron", "cinder", "heat"];

    /// <summary>What the tree is built with. Debian's own names: nova-api holds nova-api-metadata's unit, neutron's
    /// server is split in neutron-api and neutron-rpc-server; no nova-novncproxy package exists in trixie.</summary>
    public static IReadOnlyList<string> Packages { get; } =
    [
        "keystone", "glance-api", "placement-api", "nova-api", "nova-conductor", "nova-scheduler", "nova-compute",
        "neutron-api", "neutron-rpc-server", "cinder-api", "cinder-scheduler", "cinder-volume", "cinder-backup",
        "heat-api", "heat-api-cfn", "heat-engine", "python3-openstackclient", "uwsgi-plugin-python3", "sudo", "socat", "mariadb-client",
        "puppet-agent",
    ];

    /// <summary>What every node keeps of <see cref="Packages"/>: the client, uwsgi's python plugin, sudo, socat (Uplift
    /// talks to HAProxy's admin socket through it), the MariaDB client (Uplift's backup), and Debian's puppet agent (8.10 in
    /// trixie), which Uplift disables before it changes a node and enables after (no puppet server here: no agent run).</summary>
    public static IReadOnlyList<string> Common { get; } = ["python3-openstackclient", "uwsgi-plugin-python3", "sudo", "socat", "mariadb-client", "puppet-agent"];

    /// <summary>Packages of <see cref="Packages"/> that a dpkg status file (stanzas of "Package:" and "Status:") does not show
    /// "install ok installed".</summary>
    public static IReadOnlyList<string> NotInstalled(string dpkgStatus)
    {
        var installed = Installed(dpkgStatus);
        return [.. Packages.Where(p => !installed.Contains(p))];
    }

    /// <summary>The packages a dpkg status file shows "install ok installed".</summary>
    public static IReadOnlySet<string> Installed(string dpkgStatus) => dpkgStatus.Split("\n\n")
        .Select(stanza => stanza.Split('\n'))
        .Where(lines => lines.Any(l => l == "Status: install ok installed"))
        .Select(lines => lines.FirstOrDefault(l => l.StartsWith("Package: ", StringComparison.Ordinal))?["Package: ".Length..])
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    public static string PathOf(string suite) => Path.Combine(CacheDirectory, suite + "-root");

    private static string Marker(string suite) => Path.Combine(PathOf(suite), ".uplift-packages");

    private static string Manifest => string.Join(' ', Packages) + "\n";

    /// <summary>The tree for <paramref name="suite"/>, built when missing, built from another package list, or when its own
    /// dpkg database does not hold every package installed (a tree damaged or changed by hand is not trusted by its marker).</summary>
    public static async Task<string> EnsureAsync(string suite, TextWriter output, CancellationToken cancel)
    {
        var tree = PathOf(suite);
        var status = Path.Combine(tree, "var", "lib", "dpkg", "status");
        if (File.Exists(Marker(suite)) && await File.ReadAllTextAsync(Marker(suite), cancel) == Manifest && File.Exists(status))
        {
            var missing = NotInstalled(await File.ReadAllTextAsync(status, cancel));
            if (missing.Count == 0)
            {
                return tree;
            }
            output.WriteLine($"The cached {suite} tree lacks {string.Join(", ", missing)}: building it again.");
        }
        Directory.CreateDirectory(CacheDirectory);
        var building = tree + ".building";
        if (Directory.Exists(building))
        {
            Directory.Delete(building, recursive: true);
        }
        var log = Path.Combine(CacheDirectory, $"mmdebstrap-{suite}.log");
        output.WriteLine($"Building the {suite} root tree with the OpenStack packages in {tree} (once; about 5 minutes, log {log}) …");
        var result = await LocalProgram.RunAsync("mmdebstrap", ["--variant=apt", "--mode=root", "--include=" + string.Join(',', Packages),
            suite, building, "http://deb.debian.org/debian"], cancel: cancel);
        await File.WriteAllTextAsync(log, result.Output + result.Error, cancel);
        if (result.ExitCode != 0)
        {
            throw new LabException($"mmdebstrap {suite} failed (exit {result.ExitCode}); see {log}");
        }
        if (Directory.Exists(tree))
        {
            Directory.Delete(tree, recursive: true);
        }
        Directory.Move(building, tree);
        await File.WriteAllTextAsync(Marker(suite), Manifest, cancel);
        return tree;
    }
}
