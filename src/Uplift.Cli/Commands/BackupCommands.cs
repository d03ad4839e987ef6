using System.CommandLine;
using Uplift.Database;
using Uplift.Diagnostics;
using Uplift.Execution.Journal;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Cli.Commands;

/// <summary>
/// `uplift backup`: dump every OpenStack schema on the database node, copy the dumps back, optionally prove them
/// restorable. `uplift restore SCHEMA --from BACKUP`: load one schema back, after the operator types its name.
/// </summary>
internal static class BackupCommands
{
    /// <summary>Port of the private server `--verify-on scratch` starts on this machine.</summary>
    private const int ScratchPort = 33068;

    public static IEnumerable<Command> Create() => [Backup(), Restore()];

    private static Command Backup()
    {
        var common = new NodeOptions();
        var verify = new Option<bool>("--verify") { Description = "restore each dump into a scratch schema and compare tables and row counts with the manifest" };
        var verifyOn = new Option<string>("--verify-on") { Description = "node: scratch schemas uplift_verify_* on the database server (default); scratch: a private MariaDB on this machine, fed the copies", DefaultValueFactory = _ => "node" };
        verifyOn.AcceptOnlyFromAmong("node", "scratch");
        var schemas = new Option<string?>("--schemas") { Description = "only these schemas, comma-separated (default: every OpenStack schema present)" };
        var extra = new Option<string?>("--extra-schemas") { Description = "site schemas to dump besides the OpenStack ones, comma-separated" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "directory on this machine for the copies and manifest (default: STATE/backups/CLUSTER/RUN)" };
        var runId = new Option<string?>("--run-id") { Description = "names the backup and ties it to an upgrade run (default: the UTC time)" };
        var command = new Command("backup", "Dump the OpenStack schemas on the database node (gzip, sha256, manifest) and copy them here.")
        {
            verify, verifyOn, schemas, extra, output, runId,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var err = parse.InvocationConfiguration.Error;
            var (cluster, target) = common.Resolve(parse);
            var clock = TimeProvider.System;
            var id = parse.GetValue(runId) ?? BackupOptions.RunIdAt(clock.GetUtcNow());
            if (!BackupOptions.IsValidRunId(id))
            {
                throw new InputException($"--run-id '{id}' may only hold letters, digits, '-', '_' and '.'");
            }
            var local = parse.GetValue(output)?.FullName
                ?? Path.Combine(StateDirectory.Resolve(parse.GetValue(common.StateDir)).Path, "backups", cluster.Cluster, id);
            var options = new BackupOptions(id, $"{cluster.Database.BackupDirectory.TrimEnd('/')}/{id}", local, List(parse.GetValue(schemas)), List(parse.GetValue(extra)));
            await using var transport = common.Transport(parse, cluster);
            var node = common.Node(parse, transport, target, cluster);
            var backup = new DatabaseBackup(node, common.IsLocal(parse) ? new LocalFetch() : new ShellFetch(node), clock, err.WriteLine);
            return await Run(err, async () =>
            {
                var manifest = await backup.TakeAsync(options, cancellationToken);
                if (parse.GetValue(verify))
                {
                    manifest = parse.GetValue(verifyOn) == "scratch"
                        ? await VerifyOnScratchAsync(manifest, local, clock, err, cancellationToken)
                        : await new DumpVerification(node, clock, err.WriteLine).VerifyAsync(manifest, options.NodeDirectory, cancellationToken);
                    await backup.SaveAsync(manifest, local, cancellationToken);
                }
                parse.InvocationConfiguration.Output.WriteLine(
                    $"backup {manifest.RunId}: {manifest.Schemas.Count} schema(s), {manifest.TotalBytes / 1048576.0:F1} MiB compressed, "
                    + (manifest.Verified ? "verified" : "NOT verified (run with --verify)")
                    + $"; manifest {Path.Combine(local, BackupManifestFile.FileName)}, dumps on {node.Name}:{options.NodeDirectory}");
            });
        });
        return command;
    }

    private static Command Restore()
    {
        var common = new NodeOptions();
        var schemas = new Argument<string[]>("schema") { Description = "the schemas to load back, in this order (their tables are replaced)", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string>("--from") { Description = "the backup: its directory on this machine or its manifest.json", Required = true };
        var yes = new Option<bool>("--yes") { Description = "do not ask for confirmation (scripts)" };
        var command = new Command("restore", "Load schemas back from a backup on the database node, replacing their tables.") { schemas, from, yes };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var err = parse.InvocationConfiguration.Error;
            var names = parse.GetValue(schemas)!.Distinct(StringComparer.Ordinal).ToList();
            var manifest = await ReadManifestAsync(parse.GetValue(from)!, cancellationToken);
            var missing = names.Where(n => manifest.Find(n) is null).ToList();
            if (missing.Count > 0)
            {
                // Every name is checked before anything is restored: a typo never leaves a restore half done.
                throw new InputException($"backup {manifest.RunId} holds no schema {string.Join(", ", missing)}: nothing was changed",
                    new SourceLocation(parse.GetValue(from)!), $"it holds {string.Join(", ", manifest.Schemas.Select(s => s.Schema))}");
            }
            var (cluster, target) = common.Resolve(parse);
            if (target.Name != manifest.Node)
            {
                err.WriteLine($"uplift: note: backup {manifest.RunId} was taken on {manifest.Node}; restoring through {target.Name}");
            }
            var all = string.Join(" ", names);
            if (!parse.GetValue(yes))
            {
                err.Write($"This replaces every table of schema(s) {all} on {target.Name} with backup {manifest.RunId} ({manifest.TakenAt:u}). Type \"{all}\" to go on: ");
                if (Console.In.ReadLine()?.Trim() != all)
                {
                    throw new InputException($"restore of {all} not confirmed: nothing was changed", hint: "type the schema names exactly, space-separated, or pass --yes");
                }
            }
            await using var transport = common.Transport(parse, cluster);
            var node = common.Node(parse, transport, target, cluster);
            var restore = new SchemaRestore(node, parse.InvocationConfiguration.Output.WriteLine);
            return await Run(err, async () =>
            {
                foreach (var name in names)
                {
                    await restore.RestoreAsync(manifest, name, manifest.NodeDirectory, cancellationToken);
                }
            });
        });
        return command;
    }

    private static async Task<BackupManifest> VerifyOnScratchAsync(
        BackupManifest manifest, string local, TimeProvider clock, TextWriter err, CancellationToken cancellationToken)
    {
        err.WriteLine($"starting a private MariaDB on 127.0.0.1:{ScratchPort} to verify the copies in {local}");
        await using var scratch = await ScratchMariaDb.StartAsync(ScratchPort, cancellationToken);
        var here = new LocalTransport(clock).ShellFor(new Node("this machine", "127.0.0.1", [Role.Controller]));
        var server = new DatabaseNode(here, new DatabaseCommandLines(scratch.CredentialsFile));
        return await new DumpVerification(server, clock, err.WriteLine, scratchServer: true).VerifyAsync(manifest, local, cancellationToken);
    }

    private static async Task<BackupManifest> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await BackupManifestFile.ReadAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or FormatException)
        {
            throw new InputException(e.Message, new SourceLocation(path));
        }
    }

    private static async Task<int> Run(TextWriter err, Func<Task> work)
    {
        try
        {
            await work();
            return UpliftCommandLine.Success;
        }
        catch (BackupException e)
        {
            err.WriteLine($"uplift: {e.Message}");
            return UpliftCommandLine.Failed;
        }
    }

    private static IReadOnlyList<string> List(string? commaSeparated) =>
        commaSeparated?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The options both commands share: which cluster, which node, how to reach it.</summary>
    private sealed class NodeOptions
    {
        public Option<FileInfo> Inventory { get; } = new("--inventory", "-i") { Description = "the cluster's inventory.yaml", Required = true };

        public Option<bool> Local { get; } = new("--local") { Description = "the database node is this machine: run its commands here instead of over SSH" };

        public Option<string?> StateDir { get; } = new("--state-dir") { Description = "where Uplift keeps its state (default: $UPLIFT_STATE_DIR or ~/.local/state/uplift)" };

        public Option<string?> CredentialsFile { get; } = new("--credentials-file") { Description = "my.cnf-style [client] file on the node (default: the inventory's database.credentials_file)" };

        public Option<bool> Sudo { get; } = new("--sudo") { Description = "run the database commands through sudo -n on the node" };

        public Option<bool> AcceptNew { get; } = new("--accept-new-host-keys") { Description = "accept and record host keys not yet in known_hosts (never a changed one)" };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Inventory, Local, StateDir, CredentialsFile, Sudo, AcceptNew })
            {
                command.Options.Add(option);
            }
        }

        public bool IsLocal(ParseResult parse) => parse.GetValue(Local);

        /// <summary>The cluster and its database node: inventory database.node, else the first controller.</summary>
        public (ClusterInventory Cluster, Node Node) Resolve(ParseResult parse)
        {
            var cluster = InventoryLoader.Load(parse.GetValue(Inventory)!.FullName);
            var name = cluster.Database.Node;
            var node = name is null ? cluster.WithRole(Role.Controller).FirstOrDefault() : cluster.Find(name);
            return node is not null
                ? (cluster, node)
                : throw new InputException(
                    name is null ? "no controller in the inventory to run the database commands on" : $"database.node '{name}' is not a node of the inventory",
                    new SourceLocation(cluster.Source), "set database.node to the node that runs mysqldump");
        }

        public ITransport Transport(ParseResult parse, ClusterInventory cluster) =>
            IsLocal(parse) ? new LocalTransport() : new OpenSshTransport(cluster.Ssh, ClusterObservations.SshOptions(parse, parse.GetValue(AcceptNew)));

        public DatabaseNode Node(ParseResult parse, ITransport transport, Node node, ClusterInventory cluster) =>
            new(transport.ShellFor(node), new DatabaseCommandLines(parse.GetValue(CredentialsFile) ?? cluster.Database.CredentialsFile),
                parse.GetValue(Sudo), TimeSpan.FromHours(6));
    }
}
