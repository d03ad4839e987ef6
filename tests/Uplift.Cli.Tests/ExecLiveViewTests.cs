using Spectre.Console;
using Uplift.Cli.Commands;
using Uplift.Exec;
using Uplift.Inventory;
using Uplift.Transports;

namespace Uplift.Tests;

public class ExecLiveViewTests
{
    [Fact]
    public async Task Given_a_terminal_When_exec_runs_Then_the_live_status_gives_way_to_prefixed_output_and_the_summary()
    {
        var (console, writer) = TestTerminal.Create();
        IReadOnlyList<Node> nodes = [new("ctl1", "10.0.0.11", [Role.Controller]), new("cmp1", "10.0.1.1", [Role.Compute])];
        await using var local = new LocalTransport();

        var exit = await ExecRun.RunAsync("echo up", null, 2, nodes, local, new LiveExecView(console, nodes, TimeProvider.System), TimeProvider.System, CancellationToken.None);

        exit.ShouldBe(0);
        var text = writer.ToString();
        text.ShouldContain("ctl1 | up\n");
        text.ShouldContain("cmp1 | up\n");
        text.ShouldContain("2 nodes: 2 succeeded, 0 failed");
    }
}
