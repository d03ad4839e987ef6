using Uplift.Catalog;

namespace Uplift.Lab;

/// <summary><c>lab up</c>: checks the machine, writes the lab's files, creates the account, starts one sshd per
/// node, the units, HAProxy and MariaDB, and waits until HAProxy sees every API server up.</summary>
public static class LabBuilder
{
    public static async Task<LabLayout> UpAsync(LabOptions options, OpenStackCatalog catalog, TimeProvider time, TextWriter output, CancellationToken cancel)
    {
        options.Validate(catalog);
        await Prerequisites.CheckAsync(options.OpenStack, cancel);
        var lab = new LabLayout(options, catalog);
        var paths = lab.Paths;
        if (File.Exists(paths.Description))
        {
            throw new LabException($"a lab is already up in {paths.State}: run 'uplift lab down --state-dir {paths.State}' first");
        }
        if (await LabTeardown.AccountExistsAsync(cancel))
        {
            throw await LabTeardown.LeftBehindAsync(cancel) is { } leftBehind
                ? new LabException($"the account {LabLayout.Account} exists: the lab at {leftBehind} was left behind (nothing of it runs); run 'uplift lab down --state-dir {leftBehind}' first")
                : new LabException($"the account {LabLayout.Account} exists: another lab is up; run 'uplift lab down --state-dir DIR' for it first");
        }
        if (Directory.Exists(paths.State) && Directory.EnumerateFileSystemEntries(paths.State).Any())
        {
            throw new LabException($"{paths.State} is not empty: give --state-dir an empty or new directory");
        }
        if (options.OpenStack && OpenWritableAncestor(paths.State) is { } open)
        {
            throw new LabException($"{open} is writable by others, and sshd chroots a node's sessions only below directories no one else may write: " +
                "give --state-dir a directory under /var/lib (the default) or another root-only directory");
        }
        var baseTree = options.OpenStack ? await RootTree.EnsureAsync(RootTree.SuiteOf[options.Release], output, cancel) : null;
        output.WriteLine(options.OpenStack ? OpenStackNotice : LabReadme.Notice);
        output.WriteLine($"Building {lab.Nodes.Count} nodes on {lab.Release} in {paths.State} …");
        Directory.CreateDirectory(paths.State);
        FileModes.Set(paths.State, FileModes.Executable);
        var privsep = !Directory.Exists("/run/sshd");
        File.WriteAllText(paths.Description, new LabDescription(options, privsep).ToJson());
        try
        {
            if (privsep)
            {
                Directory.CreateDirectory("/run/sshd");
            }
            await LocalProgram.CheckAsync("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", paths.Home,
                "--shell", "/bin/sh", "--comment", "Uplift lab (rehearsal cluster)", LabLayout.Account], cancel: cancel);
            // A '!' password locks the account for sshd without PAM; '*' only forbids password logins.
            await LocalProgram.CheckAsync("usermod", ["-p", "*", LabLayout.Account], cancel: cancel);
            await LabFiles.WriteAsync(lab, cancel);
            if (baseTree is not null)
            {
                await UpOpenStackAsync(lab, baseTree, time, output, cancel);
            }
            else
            {
                await LabDaemons.StartSshdAsync(lab, cancel);
                await LabDaemons.StartUnitsAsync(lab, time, cancel);
                await LabDaemons.StartHaproxyAsync(lab, cancel);
                await LabDatabase.StartAsync(lab, LabDatabases.SeedSql(LabDatabase.RowsPerTable), time, cancel);
                await LabDaemons.WaitForBackendsAsync(lab, time, TimeSpan.FromSeconds(30), cancel);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            output.WriteLine($"lab up failed: {e.Message}");
            output.WriteLine($"Remove what was built with: uplift lab down --state-dir {paths.State}");
            throw;
        }
        output.WriteLine($"Lab up{(options.OpenStack ? " (real OpenStack " + lab.Release.Series + ")" : "")}: {lab.Nodes.Count} nodes ({options.Controllers} controllers, {options.Network} network, {options.Computes} computes, {options.Volumes} volume), VIP {LabLayout.VipAddress}.");
        if (options.InstancesPerCompute > 0)
        {
            output.WriteLine($"Lab nova: {options.InstancesPerCompute * options.Computes} instances ({options.InstancesPerCompute} per compute); plan with --live-migrate to move them away before each compute's upgrade.");
        }
        output.WriteLine($"Inventory: {paths.Inventory}");
        output.WriteLine($"Lab keystone credentials (cloud '{LabCloud.Name}'): {paths.CloudsYaml}");
        output.WriteLine($"Try: uplift exec --inventory {paths.Inventory} -- apt-cache policy nova-api");
        output.WriteLine($"Read {paths.Readme}; remove it all with 'uplift lab down --state-dir {paths.State}'.");
        return lab;
    }

    private static string? OpenWritableAncestor(string state)
    {
        for (var directory = Path.GetDirectoryName(state); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(directory) && (File.GetUnixFileMode(directory) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                return directory;
            }
        }
        return null;
    }

    private const string OpenStackNotice =
        "Uplift lab of real OpenStack code: Debian's packages in a root tree per node, real MariaDB, RabbitMQ and HAProxy on this machine.";

    /// <summary>The real-code lab: MariaDB and RabbitMQ first (the services need them), HAProxy, the nodes, then the services.</summary>
    private static async Task UpOpenStackAsync(LabLayout lab, string baseTree, TimeProvider time, TextWriter output, CancellationToken cancel)
    {
        var secrets = LabSecrets.New();
        secrets.Save(OpenStackLab.SecretsFile(lab.Paths));
        // The lab's clouds.yaml names keystone's real admin.
        File.WriteAllText(lab.Paths.CloudsYaml, LabCloud.CloudsYaml(secrets.Admin));
        await LabDatabase.StartAsync(lab, OpenStackNodes.DatabaseSql(secrets), time, cancel);
        await LabRabbitmq.StartAsync(lab.Paths, secrets, cancel);
        await LabDaemons.StartHaproxyAsync(lab, cancel);
        // The mirror of the release the lab upgrades to, and the catalog overlay that points the nodes at it.
        if (TargetSuite.For(lab.Release.Series) is { } target)
        {
            var status = await File.ReadAllTextAsync(Path.Combine(baseTree, "var", "lib", "dpkg", "status"), cancel);
            var mirror = await TargetMirror.EnsureAsync(target, baseTree, TargetMirror.Request(lab, target, status), TargetMirror.Held(lab, target), output, cancel);
            await TargetMirror.StartAsync(lab.Paths, mirror, cancel);
            var dependencies = LabCatalog.Dependencies(TargetMirror.PackagesIn(mirror, target.Suite), RootTree.Installed(status), lab.Catalog);
            File.WriteAllText(lab.Paths.Catalog, LabCatalog.For(target, dependencies));
        }
        await OpenStackLab.StartNodesAsync(lab, baseTree, secrets, time, output, cancel);
        await OpenStackLab.StartServicesAsync(lab, secrets, output, cancel);
        await LabDaemons.WaitForBackendsAsync(lab, time, TimeSpan.FromSeconds(120), cancel);
    }
}
