using Uplift.Haproxy;
using Uplift.Transports;

namespace Uplift.Tests.AdminSocket;

public sealed class NodeAdminSocketTests
{
    private sealed class RecordingShell(CommandResult result) : IRemoteShell
    {
        public List<RemoteCommand> Ran { get; } = [];

        public string Node => "ctl1";

        public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
        {
            Ran.Add(command);
            return Task.FromResult(result);
        }
    }

    private static readonly AdminSocketAddress Socket = AdminSocketAddress.Parse("/run/haproxy/admin.sock");

    [Fact]
    public async Task Given_a_node_When_a_command_is_sent_Then_socat_gets_it_from_printf_and_its_stdout_is_the_reply()
    {
        var shell = new RecordingShell(new CommandResult(0, "# name\nnovabe\n\n", "", TimeSpan.FromMilliseconds(5)));

        var reply = await new NodeAdminSocket(shell, Socket, sudo: true).SendAsync("show backend");

        reply.ShouldBe("# name\nnovabe\n\n");
        var ran = shell.Ran.ShouldHaveSingleItem();
        ran.StandardInput.ShouldBeNull("no input: the command can run in a kept-open session");
        ran.Sudo.ShouldBeTrue();
        ran.Script.ShouldEndWith("printf '%s\\n' 'show backend' | socat -t 30 stdio UNIX-CONNECT:'/run/haproxy/admin.sock'");
    }

    [Fact]
    public void Given_a_tcp_socket_When_the_script_is_built_Then_socat_connects_over_tcp() =>
        NodeAdminSocket.Script(AdminSocketAddress.Parse("127.0.0.1:9999"), "show info").ShouldEndWith("socat -t 30 stdio TCP:'127.0.0.1:9999'");

    [Theory]
    [InlineData(127, false, false, "socat is not installed on node ctl1")]
    [InlineData(1, false, false, "socat on node ctl1 failed (exit 1): 2026/11/21 E connect(5, AF=1 \"/run/haproxy/admin.sock\", 25): No such file or directory")]
    [InlineData(255, false, true, "node ctl1 is unreachable")]
    [InlineData(124, true, false, "no reply within")]
    public async Task Given_a_failing_node_When_a_command_is_sent_Then_the_error_says_what_happened_there(
        int exit, bool timedOut, bool unreachable, string reason)
    {
        var stderr = exit == 1 ? "2026/11/21 E connect(5, AF=1 \"/run/haproxy/admin.sock\", 25): No such file or directory\n" : "";
        var shell = new RecordingShell(new CommandResult(exit, "", stderr, TimeSpan.FromSeconds(1), timedOut, unreachable));

        var error = await Should.ThrowAsync<AdminSocketUnreachableException>(() => new NodeAdminSocket(shell, Socket).SendAsync("show backend"));

        error.Reason.ShouldStartWith(reason);
        error.Location.ShouldBe("ctl1:/run/haproxy/admin.sock");
    }

    [Fact]
    public async Task Given_a_shell_without_socat_When_the_real_script_runs_Then_it_exits_127_with_a_message()
    {
        var script = NodeAdminSocket.Script(Socket, "show info");
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardError = true };
        start.Environment["PATH"] = "/nonexistent";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(NodeAdminSocket.SocatMissing);
        stderr.ShouldContain("socat: not found");
    }
}
