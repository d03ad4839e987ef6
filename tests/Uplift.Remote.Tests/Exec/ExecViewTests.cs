using System.Text.Json;
using Uplift.Exec;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests;

public class ExecViewTests
{
    private static readonly Node Ctl1 = new("ctl1", "10.0.0.11", [Role.Controller]);
    private static readonly Node Cmp10 = new("cmp10", "10.0.1.10", [Role.Compute]);

    private static ExecNodeResult Ran(Node node, CommandResult result) =>
        ExecNodeResult.From(new NodeOutcome<CommandResult>(node, result, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

    [Fact]
    public void Given_output_on_both_streams_When_shown_Then_each_line_is_prefixed_with_the_node_and_its_stream()
    {
        var result = Ran(Ctl1, new CommandResult(0, "a\nb\n", "warn\n", TimeSpan.FromMilliseconds(42)));

        ExecReport.Node(result, 5).ShouldBe("ctl1  | a\nctl1  | b\nctl1  ! warn\nctl1  = ok (0.04 s)\n");
    }

    [Fact]
    public void Given_failures_When_summarised_Then_each_failed_node_is_listed_with_why()
    {
        var results = new[]
        {
            Ran(Ctl1, new CommandResult(0, "", "", TimeSpan.Zero)),
            Ran(Cmp10, new CommandResult(2, "", "E: Unable to locate package nova-compute\n", TimeSpan.Zero)),
            Ran(new Node("net1", "10.0.0.21", [Role.Network]), new CommandResult(
                255, "", "uplift: cannot reach net1 (root@10.0.0.21:22): connection refused: is sshd running and listening on that port?\nssh: connect to host 10.0.0.21 port 22: Connection refused\n",
                TimeSpan.Zero, Unreachable: true)),
            Ran(new Node("vol1", "10.0.3.1", [Role.Volume]), new CommandResult(124, "", "timeout: sending signal TERM to command ‘/bin/sh’\n", TimeSpan.FromSeconds(30), TimedOut: true)),
        };

        ExecReport.Summary(results, TimeSpan.FromSeconds(1.5)).ShouldBe(
            """
            4 nodes: 1 succeeded, 3 failed (1.50 s)
            failed:
              cmp10  failed: exit 2: E: Unable to locate package nova-compute
              net1   unreachable: cannot reach net1 (root@10.0.0.21:22): connection refused: is sshd running and listening on that port?
              vol1   timed out: ended after its timeout (30 s)

            """.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_an_unreachable_node_When_shown_Then_only_the_reason_is_printed_not_sshs_own_lines()
    {
        var result = Ran(Cmp10, new CommandResult(255, "", "uplift: cannot reach cmp10 (root@10.0.1.10:22): x\nssh: detail\n", TimeSpan.Zero, Unreachable: true));

        ExecReport.Node(result, 5).ShouldBe("cmp10 = UNREACHABLE: cannot reach cmp10 (root@10.0.1.10:22): x (0.00 s)\n");
    }

    [Fact]
    public void Given_results_When_written_as_json_Then_each_node_has_its_status_streams_and_exit_code()
    {
        var results = new[]
        {
            Ran(Ctl1, new CommandResult(0, "up\n", "", TimeSpan.FromMilliseconds(12))),
            ExecNodeResult.From(new NodeOutcome<CommandResult>(Cmp10, null, new InvalidOperationException("no ssh"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)),
        };

        using var document = JsonDocument.Parse(ExecJson.Write("uptime", results));

        var root = document.RootElement;
        root.GetProperty("command").GetString().ShouldBe("uptime");
        var first = root.GetProperty("nodes")[0];
        first.GetProperty("node").GetString().ShouldBe("ctl1");
        first.GetProperty("status").GetString().ShouldBe("ok");
        first.GetProperty("exit_code").GetInt32().ShouldBe(0);
        first.GetProperty("stdout").GetString().ShouldBe("up\n");
        first.GetProperty("elapsed_seconds").GetDouble().ShouldBe(0.012);
        var second = root.GetProperty("nodes")[1];
        second.GetProperty("status").GetString().ShouldBe("error");
        second.GetProperty("exit_code").ValueKind.ShouldBe(JsonValueKind.Null);
        second.GetProperty("problem").GetString().ShouldBe("no ssh");
        root.GetProperty("summary").GetProperty("failed").GetInt32().ShouldBe(1);
    }
}
