using Uplift.Transports;

namespace Uplift.Tests.Transports;

/// <summary>The messages are OpenSSH 9.2's, as captured from the sshd integration tests and from ssh against closed ports.</summary>
public class SshFailureTests
{
    private static readonly SshDestination Cmp7 = new("10.0.1.7", 22, "root");

    [Theory]
    [InlineData("ssh: connect to host 10.0.1.7 port 22: Connection refused\r\n", "connection refused: is sshd running and listening on that port?")]
    [InlineData("Host key verification failed.\r\n", "its host key is not in known_hosts (strict checking)")]
    [InlineData("ssh: connect to host 10.0.1.7 port 22: Connection timed out\r\n", "connection timed out: is the node up")]
    [InlineData("ssh: Could not resolve hostname cmp7.example: Name or service not known\r\n", "its host name does not resolve")]
    [InlineData("uplift-bench@10.0.1.7: Permission denied (publickey).\r\n", "authentication refused: check the ssh user and identity file")]
    [InlineData("kex_exchange_identification: read: Connection reset by peer\r\nConnection reset by 10.0.1.7 port 22\r\n", "the connection was reset before login")]
    [InlineData("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\r\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\nHost key verification failed.\r\n", "its host key CHANGED")]
    public void Given_what_ssh_printed_When_described_Then_the_reason_says_what_to_check(string sshError, string reason)
    {
        var text = SshFailure.Describe("cmp7", Cmp7, sshError);

        text.ShouldStartWith("cannot reach cmp7 (root@10.0.1.7:22): ");
        text.ShouldContain(reason);
    }

    /// <summary>OpenSSH 9.2p1 (Debian 12) with `-J nosuch.invalid`: the jump host's failure first, its consequence after.</summary>
    [Fact]
    public void Given_a_jump_host_that_does_not_resolve_When_described_Then_the_cause_and_sshs_own_words_are_given()
    {
        var text = SshFailure.Describe("cmp7", Cmp7,
            "ssh: Could not resolve hostname nosuch.invalid: Name or service not known\r\nkex_exchange_identification: Connection closed by remote host\r\nConnection closed by UNKNOWN port 65535\r\n");

        text.ShouldContain("its host name does not resolve");
        text.ShouldContain("(ssh: Could not resolve hostname nosuch.invalid: Name or service not known; kex_exchange_identification");
        text.ShouldNotContain("MaxStartups");
    }

    /// <summary>OpenSSH 9.2p1 with `-J` through a jump host whose own words were lost (ssh -W said nothing): the node's side
    /// of the connection is UNKNOWN port 65535.</summary>
    [Fact]
    public void Given_a_jump_host_that_closed_without_a_word_When_described_Then_the_jump_host_is_named_not_the_nodes_sshd()
    {
        var text = SshFailure.Describe("cmp7", Cmp7, "kex_exchange_identification: Connection closed by remote host\r\nConnection closed by UNKNOWN port 65535\r\n");

        text.ShouldContain("the connection through the jump host closed before login");
        text.ShouldNotContain("MaxStartups");
    }

    /// <summary>OpenSSH 9.2p1 with `-i` naming a missing file: the warning names the file.</summary>
    [Fact]
    public void Given_a_missing_identity_file_When_the_login_is_refused_Then_sshs_warning_naming_the_file_is_kept()
    {
        var text = SshFailure.Describe("cmp7", Cmp7,
            "Warning: Identity file /nonexistent/key not accessible: No such file or directory.\r\nroot@10.0.1.7: Permission denied (publickey).\r\n");

        text.ShouldContain("authentication refused");
        text.ShouldContain("Identity file /nonexistent/key not accessible");
    }

    [Fact]
    public void Given_an_unknown_message_When_described_Then_its_last_line_is_the_reason() =>
        SshFailure.Describe("cmp7", Cmp7, "debug1: x\r\nsomething new went wrong\r\n")
            .ShouldBe("cannot reach cmp7 (root@10.0.1.7:22): something new went wrong");

    [Fact]
    public void Given_ssh_said_nothing_When_described_Then_it_says_so() =>
        SshFailure.Describe("cmp7", Cmp7, "").ShouldEndWith("ssh exited 255 without a message");

    [Fact]
    public void Given_exit_255_without_the_remote_marker_When_interpreted_Then_the_node_is_unreachable_and_the_reason_comes_first()
    {
        var result = OpenSshShell.Interpret("cmp7", Cmp7, new ChildOutcome(255, "", "ssh: connect to host 10.0.1.7 port 22: Connection refused\r\n", TimeSpan.FromSeconds(1), false));

        result.Unreachable.ShouldBeTrue();
        result.StandardError.ShouldStartWith("uplift: cannot reach cmp7 (root@10.0.1.7:22): connection refused");
    }

    [Fact]
    public void Given_exit_255_with_the_remote_marker_When_interpreted_Then_it_is_the_commands_own_exit_code()
    {
        var result = OpenSshShell.Interpret("cmp7", Cmp7, new ChildOutcome(255, "x\n", "oops\n" + RemoteScript.RemoteExit255Marker + "\n", TimeSpan.FromSeconds(1), false));

        result.ShouldBe(new CommandResult(255, "x\n", "oops\n", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Given_ssh_killed_past_its_deadline_When_interpreted_Then_the_command_timed_out()
    {
        var result = OpenSshShell.Interpret("cmp7", Cmp7, new ChildOutcome(137, "partial\n", "", TimeSpan.FromSeconds(71), true));

        result.TimedOut.ShouldBeTrue();
        result.ExitCode.ShouldBe(124);
        result.StandardOutput.ShouldBe("partial\n");
        result.StandardError.ShouldContain("did not finish in 71 s and was killed");
    }
}
