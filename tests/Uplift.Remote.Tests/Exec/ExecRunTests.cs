using Uplift.Exec;
using Uplift.Inventory;
using Uplift.Testing;
using Uplift.Transports;

namespace Uplift.Tests;

public class ExecRunTests
{
    private static readonly IReadOnlyList<Node> Nodes =
    [
        new("ctl1", "10.0.0.11", [Role.Controller]),
        new("cmp1", "10.0.1.1", [Role.Compute]),
        new("cmp2", "10.0.1.2", [Role.Compute]),
    ];

    [Fact]
    public async Task Given_a_command_that_succeeds_everywhere_When_run_Then_every_line_is_prefixed_and_it_exits_0()
    {
        var output = new StringWriter();
        await using var local = new LocalTransport();

        var exit = await ExecRun.RunAsync("printf 'one\\ntwo\\n'", null, 2, Nodes, local, new PlainExecView(output, 4), TimeProvider.System, CancellationToken.None);

        exit.ShouldBe(0);
        var lines = output.ToString().Split('\n');
        foreach (var node in Nodes.Select(n => n.Name.PadRight(4)))
        {
            lines.ShouldContain($"{node} | one");
            lines.ShouldContain($"{node} | two");
            lines.ShouldContain(l => l.StartsWith($"{node} = ok (", StringComparison.Ordinal));
        }
        lines.ShouldContain(l => l.StartsWith("3 nodes: 3 succeeded, 0 failed", StringComparison.Ordinal));
        output.ToString().ShouldNotContain("failed:");
    }

    [Fact]
    public async Task Given_one_node_failing_When_run_Then_the_others_succeed_the_summary_names_it_and_it_exits_1()
    {
        var output = new StringWriter();
        var transport = new ScriptedTransport(node => node == "cmp1"
            ? new CommandResult(100, "", "E: Could not get lock /var/lib/dpkg/lock-frontend\n", TimeSpan.FromSeconds(1))
            : new CommandResult(0, "fine\n", "", TimeSpan.FromSeconds(1)));

        var exit = await ExecRun.RunAsync("apt-get -s upgrade", null, 24, Nodes, transport, new PlainExecView(output, 4), new TestClock(), CancellationToken.None);

        exit.ShouldBe(1);
        transport.Ran.Order().ShouldBe(["cmp1", "cmp2", "ctl1"]);
        output.ToString().ShouldEndWith(
            """
            3 nodes: 2 succeeded, 1 failed (0.00 s)
            failed:
              cmp1  failed: exit 100: E: Could not get lock /var/lib/dpkg/lock-frontend

            """.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_json_When_run_Then_only_the_json_document_is_written()
    {
        var output = new StringWriter();
        await using var local = new LocalTransport();

        var exit = await ExecRun.RunAsync("echo hi", null, 3, Nodes, local, new JsonExecView(output), TimeProvider.System, CancellationToken.None);

        exit.ShouldBe(0);
        using var document = System.Text.Json.JsonDocument.Parse(output.ToString());
        document.RootElement.GetProperty("nodes").GetArrayLength().ShouldBe(3);
        document.RootElement.GetProperty("summary").GetProperty("succeeded").GetInt32().ShouldBe(3);
    }

    /// <summary>Answers each node with a result chosen by the test.</summary>
    private sealed class ScriptedTransport(Func<string, CommandResult> answer) : ITransport
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Ran { get; } = [];

        public Func<string, CommandResult> Answer => answer;

        public IRemoteShell ShellFor(Node node) => new Shell(node.Name, this);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class Shell(string node, ScriptedTransport owner) : IRemoteShell
        {
            public string Node => node;

            public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
            {
                owner.Ran.Add(node);
                return Task.FromResult(owner.Answer(node));
            }
        }
    }
}
