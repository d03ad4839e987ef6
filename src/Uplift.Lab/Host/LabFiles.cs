namespace Uplift.Lab;

/// <summary>Writes a lab's files: shims, shim data, per-node trees, keys, inventory, README; then hands the
/// writable parts to the lab account. Host keys and the lab's private key stay root's.</summary>
public static class LabFiles
{
    private const string ShimPrefix = "Uplift.Lab.Shims.";

    /// <summary>Shim file names embedded in this assembly (Shims/**).</summary>
    public static IReadOnlyList<string> ShimNames { get; } = [.. typeof(LabFiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ShimPrefix, StringComparison.Ordinal))
        .Select(n => n[ShimPrefix.Length..])];

    public static string ShimText(string name) => EmbeddedText(ShimPrefix + name);

    /// <summary>A file of OpenStack/node (embedded): what a node of real OpenStack code gets besides its packages.</summary>
    public static string OpenStackNodeText(string name) => EmbeddedText("Uplift.Lab.OpenStack.node." + name);

    /// <summary>A file embedded in this assembly, by its resource name.</summary>
    public static string EmbeddedText(string resource)
    {
        using var stream = typeof(LabFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new LabException($"{resource} is not embedded in {typeof(LabFiles).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Commands on a node's PATH → the shim that serves them.</summary>
    public static IReadOnlyDictionary<string, string> Commands(LabLayout lab)
    {
        // lab.sh and the Python listener (api-listener.py and its modules) are no commands of a node.
        var commands = ShimNames.Where(n => n is not "lab.sh" and not "upgrade-status" && !n.EndsWith(".py", StringComparison.Ordinal))
            .ToDictionary(n => n, n => n);
        foreach (var check in lab.Services.Select(s => s.UpgradeCheck).OfType<Catalog.CatalogCommand>())
        {
            commands[check.Command.Split(' ')[0]] = "upgrade-status";
        }
        return commands;
    }

    public static async Task WriteAsync(LabLayout lab, CancellationToken cancel)
    {
        var paths = lab.Paths;
        foreach (var name in ShimNames)
        {
            Write(Path.Combine(paths.Shims, name), ShimText(name), FileModes.Executable);
        }
        WriteAll(paths.Shared, ShimData.Shared(lab));
        WriteAll(paths.Cluster, ShimData.Cluster(lab));
        Directory.CreateDirectory(Path.Combine(paths.Cluster, "checks"));
        Directory.CreateDirectory(Path.Combine(paths.Cluster, LabInstance.Directory));
        var commands = Commands(lab);
        foreach (var node in lab.Nodes)
        {
            var root = paths.NodeRoot(node.Name);
            WriteAll(root, ShimData.Node(lab, node));
            foreach (var directory in new[] { "bin", "lib", "run", "units", "etc/ssh", ".etc-work", "var/cache/puppet/state" })
            {
                Directory.CreateDirectory(Path.Combine(root, directory));
            }
            foreach (var (command, shim) in commands)
            {
                File.CreateSymbolicLink(Path.Combine(root, "bin", command), Path.Combine(paths.Shims, shim));
            }
            File.CreateSymbolicLink(Path.Combine(root, "lib", "lab.sh"), Path.Combine(paths.Shims, "lab.sh"));
            foreach (var unit in ShimData.Node(lab, node)["units.list"].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                File.WriteAllText(Path.Combine(root, "units", unit.Split(' ')[0] + ".enabled"), "");
            }
            Write(paths.SshdConfig(node.Name), SshdConfig.For(lab, node));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(paths.AuthorizedKeys)!);
        Directory.CreateDirectory(paths.Backups);
        Directory.CreateDirectory(paths.Run);
        Directory.CreateDirectory(paths.Haproxy);
        Write(paths.HaproxyConfig, HaproxyConfig.For(lab));
        Write(paths.Readme, LabReadme.For(lab));
        await WriteKeysAsync(lab, cancel);
        Write(paths.Inventory, LabInventory.For(lab));
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        Write(paths.KeystoneAdmin, password + "\n", FileModes.Private);
        Write(paths.CloudsYaml, LabCloud.CloudsYaml(password, lab.Options.OpenStack), FileModes.Private);
        await CopyPythonAsync(paths, cancel);
        await HandOverAsync(lab, cancel);
    }

    private static async Task WriteKeysAsync(LabLayout lab, CancellationToken cancel)
    {
        var paths = lab.Paths;
        await LocalProgram.CheckAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "uplift-lab", "-f", paths.PrivateKey], cancel: cancel);
        File.Copy(paths.PublicKey, paths.AuthorizedKeys);
        var knownHosts = new List<string>();
        await Parallel.ForEachAsync(lab.Nodes, cancel, async (node, token) =>
            await LocalProgram.CheckAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", node.Name, "-f", paths.HostKey(node.Name)], cancel: token));
        foreach (var node in lab.Nodes)
        {
            var key = (await File.ReadAllTextAsync(paths.HostKey(node.Name) + ".pub", cancel)).Split(' ');
            knownHosts.Add($"{node.Address} {key[0]} {key[1]}");
        }
        Write(paths.KnownHosts, string.Join('\n', knownHosts) + "\n");
    }

    /// <summary>Horizon's API listens on port 80: a copy of python3 with cap_net_bind_service lets the lab
    /// account bind it without running anything as root.</summary>
    private static async Task CopyPythonAsync(LabPaths paths, CancellationToken cancel)
    {
        var python = Path.GetFullPath(ResolveLinks("/usr/bin/python3"));
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Python)!);
        File.Copy(python, paths.Python);
        await LocalProgram.CheckAsync("setcap", ["cap_net_bind_service=+ep", paths.Python], cancel: cancel);
    }

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    /// <summary>The lab account owns what shims and services write; root keeps the keys and configs.</summary>
    private static async Task HandOverAsync(LabLayout lab, CancellationToken cancel)
    {
        var paths = lab.Paths;
        var owner = $"{LabLayout.Account}:{LabLayout.Account}";
        var writable = new[] { paths.Home, paths.Cluster, paths.Nodes, paths.Backups, paths.Run, Path.GetDirectoryName(paths.MyCnf)! };
        Directory.CreateDirectory(paths.MariaDb);
        await LocalProgram.CheckAsync("chown", ["-R", owner, .. writable], cancel: cancel);
        await LocalProgram.CheckAsync("chown", ["-R", "root:root", .. lab.Nodes.SelectMany(n => new[]
            { Path.GetDirectoryName(paths.SshdConfig(n.Name))!, Path.Combine(paths.NodeRoot(n.Name), ".etc-work") })], cancel: cancel);
        foreach (var node in lab.Nodes)
        {
            FileModes.Set(paths.HostKey(node.Name), FileModes.Private);
        }
        FileModes.Set(paths.PrivateKey, FileModes.Private);
    }

    private static void WriteAll(string root, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (name, text) in files)
        {
            Write(Path.Combine(root, name), text);
        }
    }

    private static void Write(string path, string text, UnixFileMode? mode = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (mode is { } m)
        {
            FileModes.Set(path, m);
        }
    }
}
