using System.Text.Json;
using Uplift.Cli;

namespace Uplift.Tests;

/// <summary>`uplift exec` end to end against three real sshd nodes (127.0.30.21–23:2222, account uplift-tc).</summary>
public sealed class ExecCommandOverSshTests(ExecSshNodes nodes) : IClassFixture<ExecSshNodes>
{
    private string Inventory => nodes.Inventory;

    [Fact]
    public void Given_every_node_up_When_exec_runs_Then_each_answers_and_it_exits_0()
    {
        var (exit, output, error) = Run("exec", "--inventory", Inventory, "--", "echo", "$SSH_CONNECTION", "|", "cut", "-d' '", "-f3");

        exit.ShouldBe(0, error);
        output.ShouldContain("n21 | 127.0.30.21\n");
        output.ShouldContain("n22 | 127.0.30.22\n");
        output.ShouldContain("n23 | 127.0.30.23\n");
        output.ShouldContain("3 nodes: 3 succeeded, 0 failed");
    }

    [Fact]
    public void Given_exec_twice_in_a_row_When_the_second_runs_Then_it_reuses_the_first_one_s_connection_unless_told_not_to()
    {
        // The client's address and port of the SSH connection: the same TCP connection gives the same.
        string[] where = ["exec", "--inventory", Inventory, "--nodes", "n23", "--", "echo", "$SSH_CONNECTION"];
        var first = Run(where);
        var second = Run(where);
        var closing = Run(["--no-persist", .. where]);
        var stillKept = Run(where);
        var afterClosing = Run(["--no-persist", .. where]);

        first.Exit.ShouldBe(0, first.Error);
        Connection(second.Output).ShouldBe(Connection(first.Output));
        Connection(stillKept.Output).ShouldBe(Connection(first.Output));
        // --no-persist: a connection of its own, closed at exit.
        Connection(closing.Output).ShouldNotBe(Connection(first.Output));
        afterClosing.Exit.ShouldBe(0, afterClosing.Error);
        Connection(afterClosing.Output).ShouldNotBe(Connection(closing.Output));
        Connection(afterClosing.Output).ShouldStartWith("n23 | 127.0.0.1 ");
    }

    [Fact]
    public async Task Given_a_node_whose_sshd_is_stopped_When_exec_runs_Then_it_alone_fails_with_the_reason_and_it_exits_1()
    {
        await nodes.Cluster.StopNodeAsync("n22");
        int exit;
        string output;
        try
        {
            (exit, output, _) = Run("exec", "--inventory", Inventory, "--parallel", "2", "--", "true");
        }
        finally
        {
            await nodes.Cluster.StartNodeAsync("n22");
        }

        exit.ShouldBe(1);
        output.ShouldContain("3 nodes: 2 succeeded, 1 failed");
        output.ShouldContain("  n22  unreachable: cannot reach n22 (uplift-tc@127.0.30.22:2222): connection refused");
    }

    [Fact]
    public void Given_json_and_a_role_When_exec_runs_Then_one_document_holds_the_chosen_nodes()
    {
        var (exit, output, _) = Run("exec", "--inventory", Inventory, "--role", "compute", "--json", "--", "exit 3");

        exit.ShouldBe(1);
        using var document = JsonDocument.Parse(output);
        var nodes = document.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        nodes.Select(n => n.GetProperty("node").GetString()).ShouldBe(["n22", "n23"]);
        nodes.ShouldAllBe(n => n.GetProperty("exit_code").GetInt32() == 3 && n.GetProperty("status").GetString() == "failed");
    }

    [Fact]
    public void Given_a_command_past_its_timeout_When_exec_runs_Then_the_node_reports_it_timed_out()
    {
        var (exit, output, _) = Run("exec", "--inventory", Inventory, "--nodes", "n21", "--timeout", "0.5", "--", "sleep 30");

        exit.ShouldBe(1);
        output.ShouldContain("  n21  timed out: ended after its timeout");
    }

    [Fact]
    public void Given_an_unknown_node_When_exec_runs_Then_it_is_bad_input_and_nothing_runs()
    {
        var (exit, _, error) = Run("exec", "--inventory", Inventory, "--nodes", "n99", "--", "true");

        exit.ShouldBe(2);
        error.ShouldContain("no node named 'n99'");
    }

    [Fact]
    public void Given_a_mistyped_option_When_exec_runs_Then_it_is_bad_input_naming_it_and_nothing_runs()
    {
        var (exit, output, error) = Run("exec", "--inventory", Inventory, "--node", "n21", "--", "touch /tmp/uplift-exec-mistyped");

        exit.ShouldBe(2);
        error.ShouldContain("'--node' is not an option of uplift exec");
        output.ShouldNotContain("n21");
    }

    private static string Connection(string output) => output.Split('\n')[0];

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = UpliftCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
