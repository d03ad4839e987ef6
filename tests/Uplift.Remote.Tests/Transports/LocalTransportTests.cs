using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class LocalTransportTests
{
    private static readonly Node Here = new("here", "127.0.0.1", [Role.Controller]);

    [Fact]
    public async Task Given_a_script_When_run_locally_Then_stdout_stderr_and_exit_code_are_captured_apart()
    {
        await using var local = new LocalTransport();

        var result = await local.ShellFor(Here).RunAsync(new RemoteCommand("echo out; echo err >&2; exit 3"));

        result.ExitCode.ShouldBe(3);
        result.StandardOutput.ShouldBe("out\n");
        result.StandardError.ShouldBe("err\n");
        result.Succeeded.ShouldBeFalse();
        result.Unreachable.ShouldBeFalse();
    }

    [Fact]
    public async Task Given_exit_255_When_run_locally_Then_the_code_is_kept_and_the_marker_is_not_shown()
    {
        await using var local = new LocalTransport();

        var result = await local.ShellFor(Here).RunAsync(new RemoteCommand("exit 255"));

        result.ExitCode.ShouldBe(255);
        result.StandardError.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_command_past_its_timeout_When_run_locally_Then_it_and_its_children_are_ended()
    {
        await using var local = new LocalTransport();

        var result = await local.ShellFor(Here).RunAsync(new RemoteCommand("sleep 71.3 & sleep 72.3", TimeSpan.FromMilliseconds(300)));

        result.TimedOut.ShouldBeTrue();
        result.ExitCode.ShouldBe(124);
        Directory.EnumerateDirectories("/proc")
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")); } catch (IOException) { return ""; } })
            .ShouldNotContain(args => args.StartsWith("sleep\u000071.3", StringComparison.Ordinal) || args.StartsWith("sleep\u000072.3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_standard_input_When_run_locally_Then_the_command_reads_it()
    {
        await using var local = new LocalTransport();

        var result = await local.ShellFor(Here).RunAsync(new RemoteCommand("wc -l", StandardInput: "a\nb\n"));

        result.StandardOutput.Trim().ShouldBe("2");
    }
}
