using Uplift.Inventory;
using Uplift.Testing.Sshd;
using Uplift.Transports;

namespace Uplift.Tests.Sshd;

[Collection(SshNodesCollection.Name)]
public sealed class OpenSshTransportTests(SshNodesFixture nodes)
{
    private Node First => nodes.Nodes[0];

    [Fact]
    public async Task Given_twenty_nodes_When_a_command_runs_on_all_Then_each_answers_from_its_own_address()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);

        var outcomes = await new SlidingWindow(8).RunAsync(nodes.Nodes, (node, token) =>
            transport.ShellFor(node).RunAsync(new RemoteCommand("echo $SSH_CONNECTION; id -un; echo to-stderr >&2"), token));

        foreach (var outcome in outcomes)
        {
            var result = outcome.Result.ShouldNotBeNull();
            result.Succeeded.ShouldBeTrue(result.StandardError);
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines[0].Split(' ')[2].ShouldBe(outcome.Node.Address);
            lines[1].ShouldBe("uplift-t");
            result.StandardError.ShouldBe("to-stderr\n");
        }
    }

    [Fact]
    public async Task Given_a_batch_When_run_over_ssh_Then_each_part_gives_what_it_gives_alone()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);
        var shell = transport.ShellFor(First);
        string[] parts = ["id -un; echo warn >&2; exit 2", "printf 'x\\ty'", "echo $SSH_CONNECTION | cut -d' ' -f3"];
        var batch = new CommandBatch(parts, stopAfterFailure: false);

        var results = batch.Split(await shell.RunAsync(new RemoteCommand(batch.Script)));

        results.Count.ShouldBe(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var alone = await shell.RunAsync(new RemoteCommand(parts[i]));
            (results[i].ExitCode, results[i].StandardOutput, results[i].StandardError).ShouldBe((alone.ExitCode, alone.StandardOutput, alone.StandardError));
        }
        results[2].StandardOutput.ShouldBe(First.Address + "\n");
    }

    [Fact]
    public async Task Given_one_node_whose_sshd_is_stopped_When_a_command_runs_on_all_Then_it_alone_fails_as_unreachable_with_the_reason()
    {
        var stopped = nodes.Nodes[4];
        await nodes.Cluster.StopNodeAsync(stopped.Name);
        try
        {
            await using var transport = new OpenSshTransport(nodes.Ssh);

            var outcomes = await new SlidingWindow(8).RunAsync(nodes.Nodes, (node, token) =>
                transport.ShellFor(node).RunAsync(new RemoteCommand("true"), token));

            var failed = outcomes.Where(o => !o.Result!.Succeeded).ShouldHaveSingleItem();
            failed.Node.ShouldBe(stopped);
            failed.Result!.Unreachable.ShouldBeTrue();
            failed.Result.StandardError.ShouldStartWith(
                "uplift: cannot reach node05 (uplift-t@127.0.30.5:2222): connection refused: is sshd running and listening on that port? " +
                "(ssh: connect to host 127.0.30.5 port 2222: Connection refused)\n");
            failed.Result.StandardError.ShouldContain("ssh: connect to host 127.0.30.5 port 2222: Connection refused");
        }
        finally
        {
            await nodes.Cluster.StartNodeAsync(stopped.Name);
        }
    }

    [Fact]
    public async Task Given_an_open_connection_When_the_nodes_sshd_stops_Then_the_next_command_reports_it_unreachable()
    {
        var node = nodes.Nodes[5];
        await using var transport = new OpenSshTransport(nodes.Ssh);
        (await transport.ShellFor(node).RunAsync(new RemoteCommand("true"))).Succeeded.ShouldBeTrue();

        await nodes.Cluster.StopNodeAsync(node.Name);
        try
        {
            var result = await transport.ShellFor(node).RunAsync(new RemoteCommand("true"));

            result.Unreachable.ShouldBeTrue(result.StandardError);
        }
        finally
        {
            await nodes.Cluster.StartNodeAsync(node.Name);
        }
    }

    [Fact]
    public async Task Given_a_known_hosts_file_without_the_node_When_connecting_Then_its_key_is_refused_by_default()
    {
        var knownHosts = KnownHostsWithout(First);
        await using var transport = new OpenSshTransport(nodes.Ssh with { KnownHostsFile = knownHosts });

        var result = await transport.ShellFor(First).RunAsync(new RemoteCommand("echo ran"));

        result.Unreachable.ShouldBeTrue();
        result.StandardOutput.ShouldBeEmpty();
        result.StandardError.ShouldContain("its host key is not in known_hosts");
        result.StandardError.ShouldContain("Host key verification failed.");
        File.ReadAllText(knownHosts).ShouldNotContain("[127.0.30.1]:2222");
    }

    [Fact]
    public async Task Given_a_known_hosts_file_without_the_node_When_new_keys_are_accepted_explicitly_Then_it_connects_and_records_the_key()
    {
        var knownHosts = KnownHostsWithout(First);
        await using var transport = new OpenSshTransport(nodes.Ssh with { KnownHostsFile = knownHosts }, new OpenSshOptions(AcceptNewHostKeys: true));

        var result = await transport.ShellFor(First).RunAsync(new RemoteCommand("echo ran"));

        result.Succeeded.ShouldBeTrue(result.StandardError);
        result.StandardOutput.ShouldBe("ran\n");
        result.StandardError.ShouldBeEmpty();
        File.ReadAllLines(knownHosts).Count(line => line.Length > 0).ShouldBe(nodes.Nodes.Count);
    }

    [Fact]
    public async Task Given_a_changed_host_key_When_new_keys_are_accepted_Then_it_is_still_refused()
    {
        var knownHosts = Path.Combine(nodes.Cluster.Directory, "known_hosts-changed");
        var otherKey = await SshKeys.GenerateAsync(Path.Combine(nodes.Cluster.Directory, "other_host_" + Guid.NewGuid().ToString("N")[..6]), "other");
        await File.WriteAllTextAsync(knownHosts, KnownHosts.Line(First.Address, SshNodesFixture.Port, otherKey) + "\n");
        await using var transport = new OpenSshTransport(nodes.Ssh with { KnownHostsFile = knownHosts }, new OpenSshOptions(AcceptNewHostKeys: true));

        var result = await transport.ShellFor(First).RunAsync(new RemoteCommand("echo ran"));

        result.Unreachable.ShouldBeTrue();
        result.StandardError.ShouldContain("its host key CHANGED");
    }

    [Fact]
    public async Task Given_a_command_past_its_timeout_When_run_Then_it_is_ended_on_the_node_with_everything_it_started()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);
        var shell = transport.ShellFor(nodes.Nodes[1]);

        var result = await shell.RunAsync(new RemoteCommand("sleep 61.7 & sleep 62.7; echo never", TimeSpan.FromSeconds(1)));

        result.TimedOut.ShouldBeTrue();
        result.Succeeded.ShouldBeFalse();
        result.ExitCode.ShouldBe(124);
        result.StandardOutput.ShouldNotContain("never");
        result.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        var left = await shell.RunAsync(new RemoteCommand("ps -eo args | grep -c '^sleep 6[12].7' || true"));
        left.StandardOutput.Trim().ShouldBe("0");
        LeftoverSleeps().ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_open_master_When_more_commands_run_Then_they_reuse_its_tcp_connection_until_dispose()
    {
        var node = nodes.Nodes[2];
        string controlPath;
        string firstConnection;
        await using (var transport = new OpenSshTransport(nodes.Ssh))
        {
            var shell = transport.Shell(node);
            firstConnection = (await shell.RunAsync(new RemoteCommand("echo $SSH_CONNECTION"))).StandardOutput;
            var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => shell.RunAsync(new RemoteCommand("echo $SSH_CONNECTION"))));

            again.ShouldAllBe(r => r.StandardOutput == firstConnection);
            (await shell.MasterRunningAsync()).ShouldBeTrue();
            controlPath = shell.ControlPath;
            File.Exists(controlPath).ShouldBeTrue();
        }

        File.Exists(controlPath).ShouldBeFalse();
        Directory.Exists(Path.GetDirectoryName(controlPath)).ShouldBeFalse();
        await using var next = new OpenSshTransport(nodes.Ssh);
        var fresh = await next.ShellFor(node).RunAsync(new RemoteCommand("echo $SSH_CONNECTION"));
        fresh.StandardOutput.ShouldNotBe(firstConnection);
    }

    [Fact]
    public async Task Given_kept_masters_When_a_second_transport_runs_a_command_Then_it_reuses_the_first_one_s_connection()
    {
        var node = nodes.Nodes[3];
        var parent = Directory.CreateTempSubdirectory("up-").FullName;
        var options = new OpenSshOptions(ControlDirectoryParent: parent, KeepMasters: true);
        try
        {
            string first;
            await using (var transport = new OpenSshTransport(nodes.Ssh, options))
            {
                transport.Keeps.ShouldBeTrue();
                first = (await transport.ShellFor(node).RunAsync(new RemoteCommand("echo $SSH_CONNECTION"))).StandardOutput;
            }

            await using var next = new OpenSshTransport(nodes.Ssh, options);
            var shell = next.Shell(node);
            (await shell.MasterRunningAsync()).ShouldBeTrue("the master outlived the first transport");
            var again = await shell.RunAsync(new RemoteCommand("echo $SSH_CONNECTION"));

            again.StandardOutput.ShouldBe(first, "same TCP connection: same client port");
            File.GetUnixFileMode(next.ControlDirectory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await shell.CloseMasterAsync();
            (await shell.MasterRunningAsync()).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task Given_kept_masters_When_the_connection_differs_Then_each_has_its_own_socket()
    {
        var parent = Directory.CreateTempSubdirectory("up-").FullName;
        try
        {
            await using var strict = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(ControlDirectoryParent: parent, KeepMasters: true));
            await using var otherUser = new OpenSshTransport(nodes.Ssh with { User = "root" }, new OpenSshOptions(ControlDirectoryParent: parent, KeepMasters: true));

            var paths = new[] { strict.Shell(nodes.Nodes[0]).ControlPath, strict.Shell(nodes.Nodes[1]).ControlPath, otherUser.Shell(nodes.Nodes[0]).ControlPath };

            paths.Distinct().Count().ShouldBe(3);
            paths.ShouldAllBe(p => Path.GetDirectoryName(p) == strict.ControlDirectory && p.Length < 100);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task Given_a_remote_command_exiting_255_When_run_Then_it_is_not_mistaken_for_an_unreachable_node()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);

        var result = await transport.ShellFor(First).RunAsync(new RemoteCommand("echo out; echo err >&2; exit 255"));

        result.ExitCode.ShouldBe(255);
        result.Unreachable.ShouldBeFalse();
        result.StandardOutput.ShouldBe("out\n");
        result.StandardError.ShouldBe("err\n");
    }

    [Fact]
    public async Task Given_standard_input_When_run_Then_the_command_reads_it()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);

        var result = await transport.ShellFor(First).RunAsync(new RemoteCommand("tr a-z A-Z", StandardInput: "show stat\n"));

        result.StandardOutput.ShouldBe("SHOW STAT\n");
    }

    private string KnownHostsWithout(Node node)
    {
        var path = Path.Combine(nodes.Cluster.Directory, "known_hosts-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllLines(path, File.ReadAllLines(nodes.Ssh.KnownHostsFile!).Where(l => !l.StartsWith($"[{node.Address}]:", StringComparison.Ordinal)));
        return path;
    }

    private static List<string> LeftoverSleeps() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => Path.Combine(d, "cmdline"))
            .Select(f => { try { return File.ReadAllText(f).Replace('\0', ' '); } catch (IOException) { return ""; } })
            .Where(args => args.StartsWith("sleep 61.7", StringComparison.Ordinal) || args.StartsWith("sleep 62.7", StringComparison.Ordinal))
            .ToList();
}
