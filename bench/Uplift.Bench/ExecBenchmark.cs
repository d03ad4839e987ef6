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
/// Usage: exec [--nodes 50] [--parallel 24] [--rounds 3]. Needs root (it creates the nodes' account).
/// </summary>
public static class ExecBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var count = BenchArguments.Int(args, "--nodes", 50);
        var parallel = BenchArguments.Int(args, "--parallel", 24);
        var rounds = BenchArguments.Int(args, "--rounds", 3);
        var nodes = Enumerable.Range(101, count).Select(i => new Node($"n{i}", $"127.0.30.{i}", [Role.Compute])).ToList();
        Console.WriteLine($"starting {count} sshd nodes …");
        await using var cluster = await LoopbackSshCluster.StartAsync(nodes, 2222, "uplift-bench");
        var tools = new ToolFiles(cluster, parallel);
        var figures = new Dictionary<string, List<double>>();
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
        Console.WriteLine($"load average while measured: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
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
        foreach (var socket in Directory.EnumerateFileSystemEntries(controlDirectory))
        {
            using var exit = Process.Start(new ProcessStartInfo("ssh", ["-o", $"ControlPath={socket}", "-O", "exit", "x"]) { RedirectStandardError = true });
            await exit!.WaitForExitAsync();
        }
    }

    private static string Tail(string text) => string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

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
