using System.Diagnostics;
using System.Globalization;
using Uplift.Inventory;
using Uplift.Testing.Sshd;
using Uplift.Transports;

namespace Uplift.Bench;

/// <summary>
/// A trivial command (<c>true</c>) on 50 real sshd nodes (127.0.30.101–150:2222, a /bin/sh account) with Uplift's
/// transport and sliding window, <c>ansible all -m raw</c> and <c>parallel-ssh</c>, all at parallelism 24:
/// cold (no open connection) and warm (connections reused: Uplift's masters, ansible's ControlPersist).
/// With --with-cli, also the uplift CLI itself (a process per call): cold (--no-persist) and warm (a second call reusing the
/// masters the first kept), and the time per command on one node, warm: in process, through the CLI, and plain ssh on a
/// warm master. Usage: exec [--nodes 50] [--parallel 24] [--rounds 3] [--with-cli]. Needs root (it creates the nodes' account).
/// </summary>
public static class ExecBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var count = BenchArguments.Int(args, "--nodes", 50);
        var parallel = BenchArguments.Int(args, "--parallel", 24);
        var rounds = BenchArguments.Int(args, "--rounds", 3);
        var withCli = args.Contains("--with-cli");
        var nodes = Enumerable.Range(101, count).Select(i => new Node($"n{i}", $"127.0.30.{i}", [Role.Compute])).ToList();
        Console.WriteLine($"starting {count} sshd nodes …");
        await using var cluster = await LoopbackSshCluster.StartAsync(nodes, 2222, "uplift-bench");
        var tools = new ToolFiles(cluster, parallel);
        var figures = new Dictionary<string, List<double>>();
        var inventory = Path.Combine(cluster.Directory, "inventory.yaml");
        await File.WriteAllTextAsync(inventory, SpeedBenchmark.InventoryOf(cluster));
        // The CLI keeps its masters under XDG_RUNTIME_DIR: one of the bench's own, emptied after each round.
        var kept = Path.Combine(cluster.Directory, "xdg");
        Directory.CreateDirectory(kept, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var cliEnvironment = new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = kept };
        var (cli, cliPrefix) = SpeedBenchmark.Cli();
        string[] Exec(params string[] more) => [.. cliPrefix, .. more, "exec", "--inventory", inventory, "--parallel", $"{parallel}", "--", "true"];
        void Record(string name, double seconds) => (figures.TryGetValue(name, out var l) ? l : figures[name] = []).Add(seconds);

        for (var round = 0; round < rounds; round++)
        {
            Record("parallel-ssh", await TimeProgram("parallel-ssh", tools.ParallelSsh()));
            var ansibleDir = tools.FreshAnsibleControlDirectory();
            Record("ansible cold", await TimeProgram("ansible", tools.Ansible(), tools.AnsibleEnvironment(ansibleDir)));
            Record("ansible warm", await TimeProgram("ansible", tools.Ansible(), tools.AnsibleEnvironment(ansibleDir)));
            await using var transport = new OpenSshTransport(cluster.Ssh);
            Record("uplift cold", await TimeUplift(transport, nodes, parallel));
            for (var warm = 0; warm < 3; warm++)
            {
                Record("uplift warm", await TimeUplift(transport, nodes, parallel));
            }
            await CloseAnsibleMasters(ansibleDir);
            if (withCli)
            {
                Record("uplift CLI cold", await TimeProgram(cli, Exec("--no-persist"), cliEnvironment));
                await TimeProgram(cli, Exec(), cliEnvironment);
                Record("uplift CLI warm", await TimeProgram(cli, Exec(), cliEnvironment));
                await CloseAnsibleMasters(Path.Combine(kept, "uplift-ssh"));
            }
        }
        if (withCli)
        {
            await PerCommand(cluster, nodes[0], cli, [.. cliPrefix, "exec", "--inventory", inventory, "--nodes", nodes[0].Name, "--", "true"], cliEnvironment);
            await CloseAnsibleMasters(Path.Combine(kept, "uplift-ssh"));
        }

        Console.WriteLine($"\n{count} nodes, parallelism {parallel}, {rounds} rounds; median (min … max) seconds:");
        foreach (var (name, values) in figures)
        {
            Console.WriteLine(Invariant($"  {name,-14} {Median(values),7:0.000}  ({values.Min():0.000} … {values.Max():0.000})"));
        }
        var cold = Median(figures["uplift cold"]) / Median(figures["parallel-ssh"]);
        var warmRatio = Median(figures["ansible warm"]) / Median(figures["uplift warm"]);
        Console.WriteLine(Invariant($"\nuplift cold / parallel-ssh = {cold:0.00} (target ≤ 1.10)"));
        Console.WriteLine(Invariant($"ansible warm / uplift warm = {warmRatio:0.0}× (target ≥ 5×)"));
        Console.WriteLine(Invariant($"ansible cold / uplift cold = {Median(figures["ansible cold"]) / Median(figures["uplift cold"]):0.0}×"));
        if (withCli)
        {
            Console.WriteLine(Invariant($"uplift CLI cold / parallel-ssh = {Median(figures["uplift CLI cold"]) / Median(figures["parallel-ssh"]):0.00}; uplift CLI warm {Median(figures["uplift CLI warm"]):0.000} s (target ≤ 0.3 s)"));
        }
        Console.WriteLine($"load average while measured: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>20 commands one after another on one node, warm: in process, through the CLI, and plain ssh on a warm master.</summary>
    private static async Task PerCommand(LoopbackSshCluster cluster, Node node, string cli, string[] exec, IReadOnlyDictionary<string, string> environment)
    {
        const int Commands = 20;
        await using var transport = new OpenSshTransport(cluster.Ssh);
        var shell = transport.ShellFor(node);
        await shell.RunAsync(new RemoteCommand("true"));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Commands; i++)
        {
            await shell.RunAsync(new RemoteCommand("true"));
        }
        var inProcess = clock.Elapsed.TotalMilliseconds / Commands;
        await TimeProgram(cli, exec, environment);
        var viaCli = new List<double>();
        for (var i = 0; i < Commands; i++)
        {
            viaCli.Add(await TimeProgram(cli, exec, environment) * 1000);
        }
        var socket = Path.Combine(cluster.Directory, "bench-master");
        string[] ssh = ["-F", cluster.Ssh.ConfigFile!, "-i", cluster.Ssh.IdentityFile!, "-o", $"UserKnownHostsFile={cluster.Ssh.KnownHostsFile}",
            "-o", "BatchMode=yes", "-o", "ControlMaster=auto", "-o", $"ControlPath={socket}", "-o", "ControlPersist=60",
            "-p", $"{cluster.Ssh.Port}", "-l", cluster.Ssh.User, node.Address, "true"];
        await TimeProgram("ssh", ssh);
        var plain = new List<double>();
        for (var i = 0; i < Commands; i++)
        {
            plain.Add(await TimeProgram("ssh", ssh) * 1000);
        }
        await CloseAnsibleMasters(socket);
        Console.WriteLine(Invariant($"\nper command on one node, warm ({Commands} in a row): in process {inProcess:0.0} ms, uplift exec (a process each) {Median(viaCli):0} ms, ssh on a warm master {Median(plain):0} ms"));
    }

    private static async Task<double> TimeUplift(OpenSshTransport transport, IReadOnlyList<Node> nodes, int parallel)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await new SlidingWindow(parallel).RunAsync(nodes, (node, token) =>
            transport.ShellFor(node).RunAsync(new RemoteCommand("true"), token));
        var seconds = clock.Elapsed.TotalSeconds;
        var failed = outcomes.Where(o => o.Result?.Succeeded != true).ToList();
        if (failed.Count > 0)
        {
            Console.WriteLine($"  uplift: {failed.Count} nodes failed, e.g. {failed[0].Node.Name}: {failed[0].Result?.StandardError ?? failed[0].Error?.Message}");
        }
        return seconds;
    }

    private static async Task<double> TimeProgram(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"  {program} exited {process.ExitCode}: {Tail(await output + await error)}");
        }
        return seconds;
    }

    private static async Task CloseAnsibleMasters(string controlDirectory)
    {
        var sockets = Directory.Exists(controlDirectory) ? Directory.EnumerateFileSystemEntries(controlDirectory).ToList()
            : File.Exists(controlDirectory) ? [controlDirectory] : [];
        foreach (var socket in sockets)
        {
            using var exit = Process.Start(new ProcessStartInfo("ssh", ["-o", $"ControlPath={socket}", "-O", "exit", "x"]) { RedirectStandardError = true });
            await exit!.WaitForExitAsync();
        }
    }

    private static string Tail(string text) => string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));

    private static double Median(List<double> values) => SpeedBenchmark.Median(values);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Host lists, inventory and configuration files for parallel-ssh and ansible, in the cluster's directory.</summary>
    private sealed class ToolFiles(LoopbackSshCluster cluster, int parallel)
    {
        private readonly SshSettings _ssh = cluster.Ssh;
        private int _ansibleRuns;

        public IReadOnlyList<string> ParallelSsh()
        {
            var hosts = Path.Combine(cluster.Directory, "pssh-hosts");
            File.WriteAllLines(hosts, cluster.Nodes.Select(n => $"{_ssh.User}@{n.Address}:{_ssh.Port}"));
            return ["-p", $"{parallel}", "-h", hosts, "-t", "60", "-x", $"-F {_ssh.ConfigFile} -i {_ssh.IdentityFile}",
                "-O", "BatchMode=yes", "-O", "StrictHostKeyChecking=yes", "-O", $"UserKnownHostsFile={_ssh.KnownHostsFile}", "true"];
        }

        public IReadOnlyList<string> Ansible()
        {
            var inventory = Path.Combine(cluster.Directory, "ansible-hosts");
            File.WriteAllLines(inventory, cluster.Nodes.Select(n =>
                $"{n.Name} ansible_host={n.Address} ansible_port={_ssh.Port} ansible_user={_ssh.User} ansible_ssh_private_key_file={_ssh.IdentityFile}"));
            return ["all", "-i", inventory, "-m", "raw", "-a", "true", "-f", $"{parallel}"];
        }

        public string FreshAnsibleControlDirectory()
        {
            var directory = Path.Combine(cluster.Directory, $"acp{_ansibleRuns++}");
            Directory.CreateDirectory(directory);
            return directory;
        }

        public Dictionary<string, string> AnsibleEnvironment(string controlDirectory)
        {
            var config = Path.Combine(controlDirectory + ".cfg");
            File.WriteAllText(config, $"""
                [defaults]
                host_key_checking = True
                forks = {parallel}
                stdout_callback = minimal
                [ssh_connection]
                ssh_args = -F {_ssh.ConfigFile} -o UserKnownHostsFile={_ssh.KnownHostsFile} -o ControlMaster=auto -o ControlPersist=60s
                control_path_dir = {controlDirectory}
                control_path = %(directory)s/%%C
                """);
            return new Dictionary<string, string> { ["ANSIBLE_CONFIG"] = config, ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(controlDirectory, "tmp") };
        }
    }
}
