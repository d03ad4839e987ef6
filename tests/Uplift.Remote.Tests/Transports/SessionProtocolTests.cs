using System.Text;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class SessionProtocolTests
{
    private const string Token = "@uplift-session-end-abc-1";

    [Fact]
    public void Given_a_script_When_requested_Then_the_header_counts_its_lines_and_each_line_follows()
    {
        var request = SessionProtocol.Request(new RemoteCommand("echo a\n\necho 'b'", TimeSpan.FromSeconds(90), Sudo: true), TimeSpan.FromSeconds(90), Token);

        request.ShouldBe($"UPLIFT {Token} 3 90s 1\necho a\n\necho 'b'\n");
    }

    [Fact]
    public void Given_a_command_with_standard_input_When_requested_Then_it_is_refused() =>
        Should.Throw<ArgumentException>(() => SessionProtocol.Request(new RemoteCommand("cat", StandardInput: "x"), TimeSpan.FromSeconds(1), Token));

    [Fact]
    public async Task Given_requests_When_the_loop_runs_them_in_a_real_shell_Then_each_answer_ends_with_its_marker_and_exit_code()
    {
        var input = SessionProtocol.Request(new RemoteCommand("printf 'no newline'; echo err >&2; exit 4"), TimeSpan.FromSeconds(5), Token + "a")
            + SessionProtocol.Request(new RemoteCommand("if true; then\n  echo two\nfi"), TimeSpan.FromSeconds(5), Token + "b");
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", SessionProtocol.Start])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var loop = System.Diagnostics.Process.Start(start)!;
        await loop.StandardInput.WriteAsync(input);
        loop.StandardInput.Close();
        var stdout = Encoding.UTF8.GetBytes(await loop.StandardOutput.ReadToEndAsync());
        var stderr = Encoding.UTF8.GetBytes(await loop.StandardError.ReadToEndAsync());
        await loop.WaitForExitAsync();

        var first = EndMarkers.FindStdoutEnd(stdout, Token + "a").ShouldNotBeNull();
        Encoding.UTF8.GetString(stdout, 0, first.TextEnd).ShouldBe("no newline");
        first.ExitCode.ShouldBe(4);
        var second = EndMarkers.FindStdoutEnd(stdout, Token + "b", first.End).ShouldNotBeNull();
        Encoding.UTF8.GetString(stdout, first.End, second.TextEnd - first.End).ShouldBe("two\n");
        second.ExitCode.ShouldBe(0);
        var errorEnd = EndMarkers.FindStderrEnd(stderr, Token + "a").ShouldNotBeNull();
        Encoding.UTF8.GetString(stderr, 0, errorEnd).ShouldBe("err\n");
        loop.ExitCode.ShouldBe(0, "the loop ends at the end of its input");
    }
}
