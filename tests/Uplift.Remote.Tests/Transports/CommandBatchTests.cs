using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests.Transports;

public class CommandBatchTests
{
    private static readonly Node Here = new("here", "127.0.0.1", [Role.Controller]);

    private static readonly string[] Mixed =
    [
        "echo one; echo warn >&2",
        "printf 'no newline at the end'; exit 3",
        "printf ''",
        "printf 'two\\nlines\\n' ; printf 'e1\\ne2' >&2; exit 0",
        "exec sh -c 'echo replaced; exit 7'",
    ];

    [Fact]
    public async Task Given_several_commands_When_run_as_one_batch_Then_each_result_is_what_it_gives_alone()
    {
        await using var local = new LocalTransport();
        var shell = local.ShellFor(Here);
        var batch = new CommandBatch(Mixed, stopAfterFailure: false);

        var parts = batch.Split(await shell.RunAsync(new RemoteCommand(batch.Script)));

        parts.Count.ShouldBe(Mixed.Length);
        for (var i = 0; i < Mixed.Length; i++)
        {
            var alone = await shell.RunAsync(new RemoteCommand(Mixed[i]));
            (parts[i].ExitCode, parts[i].StandardOutput, parts[i].StandardError)
                .ShouldBe((alone.ExitCode, alone.StandardOutput, alone.StandardError), $"part {i}: {Mixed[i]}");
        }
    }

    [Fact]
    public async Task Given_stop_after_failure_When_a_part_fails_Then_the_later_ones_do_not_run_and_the_batch_exits_with_its_code()
    {
        await using var local = new LocalTransport();
        var marker = Path.Combine(Path.GetTempPath(), "uplift-batch-" + Guid.NewGuid().ToString("N"));
        var batch = new CommandBatch(["true", "echo failing >&2; exit 4", $"touch {marker}"], stopAfterFailure: true);

        var whole = await local.ShellFor(Here).RunAsync(new RemoteCommand(batch.Script));
        var parts = batch.Split(whole);

        whole.ExitCode.ShouldBe(4);
        parts.Select(p => p.ExitCode).ShouldBe([0, 4]);
        parts[1].StandardError.ShouldBe("failing\n");
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_no_stop_after_failure_When_a_part_fails_Then_the_next_ones_run()
    {
        await using var local = new LocalTransport();
        var batch = new CommandBatch(["exit 1", "echo after"], stopAfterFailure: false);

        var parts = batch.Split(await local.ShellFor(Here).RunAsync(new RemoteCommand(batch.Script)));

        parts.Select(p => (p.ExitCode, p.StandardOutput)).ShouldBe([(1, ""), (0, "after\n")]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Given_a_batch_script_When_parsed_Then_its_parts_and_policy_come_back(bool stop)
    {
        var batch = new CommandBatch([.. Mixed, "cat <<'X'\nmulti\nline\nX"], stop, token: "t0k3n");

        var parsed = CommandBatch.Parse(batch.Script).ShouldNotBeNull();

        parsed.Parts.ShouldBe(batch.Parts);
        parsed.StopAfterFailure.ShouldBe(stop);
        parsed.Script.ShouldBe(batch.Script);
    }

    [Theory]
    [InlineData("systemctl is-active nova-api; true")]
    [InlineData("( true )")]
    [InlineData("")]
    public void Given_a_plain_script_When_parsed_Then_it_is_not_a_batch(string script) =>
        CommandBatch.Parse(script).ShouldBeNull();

    [Fact]
    public void Given_results_When_joined_and_split_Then_they_come_back_unchanged()
    {
        var batch = new CommandBatch(["a", "b"], stopAfterFailure: false, token: "x1");
        CommandResult[] results = [new(0, "out\n", "", TimeSpan.Zero), new(2, "no newline", "err", TimeSpan.Zero)];

        var split = batch.Split(batch.Join(results));

        split.Select(r => (r.ExitCode, r.StandardOutput, r.StandardError)).ShouldBe(results.Select(r => (r.ExitCode, r.StandardOutput, r.StandardError)));
    }

    [Fact]
    public void Given_a_marker_line_without_exit_code_When_split_Then_it_is_a_format_error_naming_the_line()
    {
        var batch = new CommandBatch(["a"], stopAfterFailure: false, token: "x1");

        Should.Throw<FormatException>(() => batch.Split(new CommandResult(0, "out\n@uplift-part-end-x1 ?\n", "", TimeSpan.Zero)))
            .Message.ShouldContain("@uplift-part-end-x1 ?");
    }

    [Fact]
    public void Given_output_cut_before_a_marker_When_split_Then_only_the_finished_parts_are_returned()
    {
        var batch = new CommandBatch(["a", "b"], stopAfterFailure: false, token: "x1");

        batch.Split(new CommandResult(255, "first\n@uplift-part-end-x1 0\nsecond, cut", "", TimeSpan.Zero, Unreachable: true))
            .ShouldHaveSingleItem().StandardOutput.ShouldBe("first");
    }
}
