using System.Net.Sockets;
using Uplift.Transports;

namespace Uplift.Tests.Sshd;

/// <summary>Commands through a running master's control socket, spoken to in process (no ssh client), against real
/// sshd and the system's real ssh master.</summary>
[Collection(SshNodesCollection.Name)]
public sealed class MuxClientTests(SshNodesFixture nodes) : IDisposable
{
    private static readonly string[] Scripts =
    [
        "echo out; echo err >&2",
        "printf 'no newline'; printf 'err no newline' >&2; exit 3",
        "echo 'quotes \" and \\' and \\\\ backslash'  ; echo '  trailing  '",
        "echo last; exit 255",
        "head -c 300000 /dev/zero | tr '\\0' 'x'; echo",
        "kill -9 $$",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("mux-").FullName;

    [Fact]
    public async Task Given_a_master_up_When_any_script_runs_through_it_in_process_Then_its_result_is_what_an_ssh_client_gives()
    {
        await using var viaMaster = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Sessions: false));
        await using var client = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Sessions: false, Multiplex: false));
        var node = nodes.Nodes[10];
        await viaMaster.ShellFor(node).RunAsync(new RemoteCommand("true"));
        await client.ShellFor(node).RunAsync(new RemoteCommand("true"));

        foreach (var script in Scripts)
        {
            var mux = await viaMaster.ShellFor(node).RunAsync(new RemoteCommand(script));
            var ssh = await client.ShellFor(node).RunAsync(new RemoteCommand(script));

            (mux.ExitCode, mux.StandardOutput, mux.StandardError, mux.Unreachable)
                .ShouldBe((ssh.ExitCode, ssh.StandardOutput, ssh.StandardError, ssh.Unreachable), script);
        }
    }

    [Fact]
    public async Task Given_a_master_up_When_commands_run_Then_only_the_first_starts_an_ssh_client()
    {
        var (program, starts) = CountingSsh();
        await using var transport = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Program: program, Sessions: false));
        var shell = transport.ShellFor(nodes.Nodes[11]);

        var results = new List<CommandResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await shell.RunAsync(new RemoteCommand("echo $SSH_CONNECTION")));
        }

        results.Select(r => r.StandardOutput).Distinct().ShouldHaveSingleItem().ShouldNotBeEmpty();
        File.ReadAllLines(starts).Length.ShouldBe(1, "the first command opened the master; the others spoke to it in process");
    }

    [Fact]
    public async Task Given_multiplexing_off_When_commands_run_Then_each_starts_an_ssh_client()
    {
        var (program, starts) = CountingSsh();
        await using var transport = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Program: program, Sessions: false, Multiplex: false));
        var shell = transport.ShellFor(nodes.Nodes[11]);

        for (var i = 0; i < 3; i++)
        {
            (await shell.RunAsync(new RemoteCommand("true"))).ExitCode.ShouldBe(0);
        }

        File.ReadAllLines(starts).Length.ShouldBe(3);
    }

    [Fact]
    public async Task Given_kept_masters_When_a_second_transport_runs_its_first_command_Then_no_ssh_client_starts()
    {
        var (program, starts) = CountingSsh();
        var options = new OpenSshOptions(Program: program, ControlDirectoryParent: _directory, KeepMasters: true);
        var node = nodes.Nodes[12];
        await using (var first = new OpenSshTransport(nodes.Ssh, options))
        {
            (await first.ShellFor(node).RunAsync(new RemoteCommand("true"))).ExitCode.ShouldBe(0);
        }
        var before = File.ReadAllLines(starts).Length;

        await using var second = new OpenSshTransport(nodes.Ssh, options);
        var result = await second.ShellFor(node).RunAsync(new RemoteCommand("set -- $SSH_CONNECTION; echo $3; exit 7"));

        (result.ExitCode, result.StandardOutput.Trim()).ShouldBe((7, node.Address));
        File.ReadAllLines(starts).Length.ShouldBe(before);
        await second.Shell(node).CloseMasterAsync();
    }

    [Fact]
    public async Task Given_a_master_up_When_it_is_closed_Then_it_ends_asked_in_process_with_no_ssh_client_started()
    {
        var (program, starts) = CountingSsh();
        await using var transport = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Program: program, Sessions: false));
        var shell = transport.Shell(nodes.Nodes[14]);
        (await shell.RunAsync(new RemoteCommand("true"))).ExitCode.ShouldBe(0);
        var opened = File.ReadAllLines(starts).Length;

        await shell.CloseMasterAsync();

        File.ReadAllLines(starts).Length.ShouldBe(opened, "no 'ssh -O exit' was started");
        (await shell.MasterRunningAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_no_master_at_a_socket_When_asked_to_end_Then_it_says_so_for_ssh_to_be_asked()
    {
        (await MuxClient.TerminateAsync(Path.Combine(_directory, "no-master"), TimeProvider.System)).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_standard_input_When_run_through_the_master_Then_the_command_reads_it_to_its_end()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Sessions: false));
        var shell = transport.Shell(nodes.Nodes[13]);
        await shell.RunAsync(new RemoteCommand("true"));
        var text = string.Concat(Enumerable.Range(0, 20000).Select(i => $"line {i}\n"));

        var result = await MuxClient.RunAsync(shell.ControlPath, "wc -l; echo done >&2", text, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        result.ShouldNotBeNull();
        (result.ExitCode, result.StandardOutput.Trim(), result.StandardError).ShouldBe((0, "20000", "done\n"));
    }

    [Fact]
    public async Task Given_a_command_past_its_deadline_When_run_through_the_master_Then_it_is_reported_killed_and_the_master_serves_the_next()
    {
        await using var transport = new OpenSshTransport(nodes.Ssh, new OpenSshOptions(Sessions: false));
        var shell = transport.Shell(nodes.Nodes[13]);
        await shell.RunAsync(new RemoteCommand("true"));

        var late = await MuxClient.RunAsync(shell.ControlPath, "echo started; sleep 30", null, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);
        var next = await MuxClient.RunAsync(shell.ControlPath, "echo next", null, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        late.ShouldNotBeNull();
        (late.Killed, late.ExitCode, late.StandardOutput).ShouldBe((true, 124, "started\n"));
        next.ShouldNotBeNull().StandardOutput.ShouldBe("next\n");
    }

    [Fact]
    public async Task Given_no_master_behind_the_path_When_asked_Then_it_answers_null_for_ssh_to_connect()
    {
        var missing = Path.Combine(_directory, "none");
        var stale = Path.Combine(_directory, "stale");
        using (var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            listener.Bind(new UnixDomainSocketEndPoint(stale)); // bound, never listening, then closed: a master that died
        }

        (await MuxClient.RunAsync(missing, "true", null, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None)).ShouldBeNull();
        (await MuxClient.RunAsync(stale, "true", null, TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Given_a_master_that_closes_after_the_session_request_When_run_Then_it_is_reported_lost_not_handed_to_ssh_to_run_again()
    {
        var path = Path.Combine(_directory, "closes");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        var master = Task.Run(async () =>
        {
            using var client = await listener.AcceptAsync();
            await client.SendAsync(MuxProtocol.HelloPacket());
            var received = new byte[4096];
            var total = 0;
            // The client's hello (12 bytes), then its session request: read both, answer nothing, close.
            while (total < 12 + 8 && (await client.ReceiveAsync(received.AsMemory(total))) is > 0 and var read)
            {
                total += read;
            }
        });

        var result = await MuxClient.RunAsync(path, "touch /tmp/once", null, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
        await master;

        result.ShouldNotBeNull("a request sent may have run: it must not be retried through an ssh client");
        (result.ExitCode, result.Killed).ShouldBe((255, false));
        result.StandardError.ShouldContain("may have run");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>An ssh that writes a line to a file each time it starts, then is the real ssh.</summary>
    private (string Program, string Starts) CountingSsh()
    {
        var starts = Path.Combine(_directory, $"starts-{Guid.NewGuid():N}");
        File.WriteAllText(starts, "");
        var program = Path.Combine(_directory, $"ssh-{Guid.NewGuid():N}");
        File.WriteAllText(program, $"#!/bin/sh\necho \"$*\" >> {starts}\nexec /usr/bin/ssh \"$@\"\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (program, starts);
    }
}
