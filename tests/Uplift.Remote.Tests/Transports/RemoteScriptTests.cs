using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class RemoteScriptTests
{
    [Fact]
    public void Given_a_script_When_wrapped_Then_timeout_runs_it_under_sh_with_a_kill_after()
    {
        var line = RemoteScript.Wrap(new RemoteCommand("echo hi"), TimeSpan.FromSeconds(2.5));

        line.ShouldStartWith("exec /bin/sh -c '");
        line.ShouldContain("timeout --verbose --kill-after=5s 2.5s /bin/sh -c '\\''echo hi'\\''");
        line.ShouldNotContain("sudo");
    }

    [Fact]
    public void Given_sudo_When_wrapped_Then_sudo_runs_timeout_so_it_can_signal_root_processes()
    {
        var line = RemoteScript.Wrap(new RemoteCommand("id", Sudo: true), TimeSpan.FromMinutes(1));

        line.ShouldContain("sudo -n timeout --verbose --kill-after=5s 60s /bin/sh -c ");
    }

    [Fact]
    public void Given_stderr_with_the_exit_255_marker_When_taken_Then_the_marker_line_is_removed()
    {
        var (error, marked) = RemoteScript.TakeMarker("boom\n" + RemoteScript.RemoteExit255Marker + "\n");

        marked.ShouldBeTrue();
        error.ShouldBe("boom\n");
    }

    [Fact]
    public void Given_stderr_without_the_marker_When_taken_Then_it_is_unchanged()
    {
        RemoteScript.TakeMarker("ssh: connect to host x port 22: Connection refused\r\n")
            .ShouldBe(("ssh: connect to host x port 22: Connection refused\r\n", false));
    }

    [Theory]
    [InlineData(124, "timeout: sending signal TERM to command ‘/bin/sh’\n", true)]
    [InlineData(137, "timeout: sending signal TERM to command ‘/bin/sh’\ntimeout: sending signal KILL to command ‘/bin/sh’\n", true)]
    [InlineData(124, "", false)]
    [InlineData(1, "timeout: sending signal TERM to command ‘/bin/sh’\n", false)]
    public void Given_an_exit_code_and_stderr_When_checked_Then_only_a_timeout_kill_counts(int exitCode, string error, bool expected)
    {
        RemoteScript.EndedByTimeout(exitCode, error).ShouldBe(expected);
    }
}
