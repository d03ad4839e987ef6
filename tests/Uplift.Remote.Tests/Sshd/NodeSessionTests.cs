using Uplift.Transports;

namespace Uplift.Tests.Sshd;

/// <summary>Commands through the kept-open sessions (after a node's first command opened its master) against real sshd.</summary>
[Collection(SshNodesCollection.Name)]
public sealed class NodeSessionTests(SshNodesFixture nodes)
{
    /// <summary>The pid of the shell that ran the command's timeout: the session's loop, or a fresh login's shell.</summary>
    private const string RunnerPid = "cut -d' ' -f4 /proc/$PPID/stat";

    private static readonly string[] Scripts =
    [
        "echo out; echo err >&2",
        "printf 'no newline'; printf 'err no newline' >&2; exit 3",
        "echo 'quotes \" and \\' and \\\\ backslash'  ; echo '  trailing  '",
        "if true; then\n  echo multi\n  echo line\nfi\n",
        "echo last; exit 255",
        "head -c 300000 /dev/zero | tr '\\0' 'x'; echo",
        "printf 'UPLIFT fake 1 1s 0\\n'; cat",
    ];

    [Fact]
    public async Task Given_commands_after_the_first_When_run_Then_one_kept_open_session_runs_them_one_after_another()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);
        var shell = transport.ShellFor(nodes.Nodes[6]);
        var first = await shell.RunAsync(new RemoteCommand(RunnerPid));

        var runners = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            runners.Add((await shell.RunAsync(new RemoteCommand(RunnerPid))).StandardOutput);
        }

        runners.Distinct().ShouldHaveSingleItem();
        runners[0].ShouldNotBe(first.StandardOutput, "the first command opened the master with an ssh of its own");
    }

    [Fact]
    public async Task Given_sessions_turned_off_When_commands_run_Then_each_has_a_shell_of_its_own()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Sessions: false));
        var shell = transport.ShellFor(nodes.Nodes[6]);

        var runners = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            runners.Add((await shell.RunAsync(new RemoteCommand(RunnerPid))).StandardOutput);
        }

        runners.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Given_any_script_When_run_in_a_session_Then_its_result_is_what_an_ssh_of_its_own_gives()
    {
        await using var sessions = new OpenSshTransport(nodes.Ssh);
        await using var plain = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Sessions: false));
        var node = nodes.Nodes[7];
        await sessions.ShellFor(node).RunAsync(new RemoteCommand("true"));

        foreach (var script in Scripts)
        {
            var viaSession = await sessions.ShellFor(node).RunAsync(new RemoteCommand(script));
            var alone = await plain.ShellFor(node).RunAsync(new RemoteCommand(script));

            (viaSession.ExitCode, viaSession.StandardOutput, viaSession.StandardError, viaSession.Unreachable)
                .ShouldBe((alone.ExitCode, alone.StandardOutput, alone.StandardError, alone.Unreachable), script);
        }
    }

    [Fact]
    public async Task Given_a_session_command_past_its_timeout_When_run_Then_it_times_out_and_the_next_command_runs()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);
        var shell = transport.ShellFor(nodes.Nodes[8]);
        await shell.RunAsync(new RemoteCommand("true"));

        var late = await shell.RunAsync(new RemoteCommand("sleep 63.7; echo never", TimeSpan.FromSeconds(0.5)));
        var next = await shell.RunAsync(new RemoteCommand("echo next"));

        late.TimedOut.ShouldBeTrue();
        late.ExitCode.ShouldBe(124);
        late.StandardOutput.ShouldNotContain("never");
        next.StandardOutput.ShouldBe("next\n");
        (await shell.RunAsync(new RemoteCommand("ps -eo args | grep -c '^sleep 63.7' || true"))).StandardOutput.Trim().ShouldBe("0");
    }

    [Fact]
    public async Task Given_many_commands_at_once_on_one_node_When_run_Then_each_gets_its_own_result()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);
        var shell = transport.ShellFor(nodes.Nodes[9]);
        await shell.RunAsync(new RemoteCommand("true"));

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            shell.RunAsync(new RemoteCommand($"sleep 0.2; echo {i}; echo e{i} >&2; exit {i}"))));

        for (var i = 0; i < results.Length; i++)
        {
            (results[i].ExitCode, results[i].StandardOutput, results[i].StandardError).ShouldBe((i, $"{i}\n", $"e{i}\n"));
        }
    }

    [Fact]
    public async Task Given_an_aborted_session_command_When_cancelled_Then_it_throws_and_the_node_takes_the_next_command()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh);
        var shell = transport.ShellFor(nodes.Nodes[10]);
        await shell.RunAsync(new RemoteCommand("true"));
        using var abort = new CancellationTokenSource(TimeSpan.FromSeconds(0.5));

        await Should.ThrowAsync<OperationCanceledException>(() => shell.RunAsync(new RemoteCommand("sleep 30"), abort.Token));
        var next = await shell.RunAsync(new RemoteCommand("echo next"));

        next.StandardOutput.ShouldBe("next\n");
    }

    [Fact]
    public async Task Given_open_sessions_When_the_nodes_sshd_stops_Then_the_next_command_reports_it_unreachable_and_resumes_after()
    {
        var node = nodes.Nodes[11];
        await using var transport = new OpenSshTransport(nodes.Ssh);
        var shell = transport.ShellFor(node);
        await shell.RunAsync(new RemoteCommand("true"));
        (await shell.RunAsync(new RemoteCommand("echo in-session"))).Succeeded.ShouldBeTrue();

        await nodes.Cluster.StopNodeAsync(node.Name);
        CommandResult lost;
        try
        {
            lost = await shell.RunAsync(new RemoteCommand("echo lost"));
        }
        finally
        {
            await nodes.Cluster.StartNodeAsync(node.Name);
        }
        var back = await shell.RunAsync(new RemoteCommand("echo back"));

        lost.Unreachable.ShouldBeTrue(lost.StandardError);
        back.StandardOutput.ShouldBe("back\n");
    }
}
