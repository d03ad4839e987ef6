using Uplift.Database;
using Uplift.Tests.Fakes;
using Uplift.Transports;

namespace Uplift.Tests.Backup;

/// <summary>How a node's command batch is read back into one result per command when it did not run to its end.</summary>
public class DatabaseNodeBatchTests
{
    private static readonly DatabaseNode Node = new(new ScriptedShell(), new DatabaseCommandLines("/etc/uplift/db.cnf"));

    private static readonly CommandBatch Batch = new(["first", "second", "third"], stopAfterFailure: true, token: "t1");

    [Fact]
    public void Given_a_batch_cut_by_its_timeout_after_the_first_command_When_read_Then_the_second_timed_out_with_what_it_printed()
    {
        var first = Batch.Join([new CommandResult(0, "one\n", "", TimeSpan.Zero)]);
        var whole = new CommandResult(124, first.StandardOutput + "partial", first.StandardError + "timeout: sending signal TERM to command 'sh'\n", TimeSpan.FromMinutes(5), TimedOut: true);

        var parts = Node.PartsOf(Batch, whole);

        parts.Select(p => p.Succeeded).ShouldBe([true, false, false]);
        parts[0].StandardOutput.ShouldBe("one\n");
        parts[1].TimedOut.ShouldBeTrue();
        parts[1].StandardOutput.ShouldBe("partial");
        DatabaseNode.Describe(parts[1]).ShouldBe("timed out after 0:05:00");
    }

    [Fact]
    public void Given_an_unreachable_node_When_read_Then_no_command_counts_as_run()
    {
        var parts = Node.PartsOf(Batch, new CommandResult(255, "", "ssh: connect to host db1 port 22: Connection refused\n", TimeSpan.Zero, Unreachable: true));

        parts.ShouldAllBe(p => p.Unreachable && !p.Succeeded);
    }

    [Fact]
    public void Given_a_batch_that_exited_0_without_its_markers_When_read_Then_the_missing_commands_did_not_succeed()
    {
        var parts = Node.PartsOf(Batch, Batch.Join([new CommandResult(0, "one\n", "", TimeSpan.Zero)]));

        parts.Select(p => p.Succeeded).ShouldBe([true, false, false]);
        DatabaseNode.Describe(parts[1]).ShouldBe("exit 1: ended before this command finished");
    }

    [Fact]
    public async Task Given_steps_When_the_second_fails_Then_the_message_is_the_one_it_gives_alone()
    {
        var shell = new ScriptedShell((3, "x\n"));
        var node = new DatabaseNode(shell, new DatabaseCommandLines("/etc/uplift/db.cnf"));
        // The scripted node prints no markers: the batch ended after nothing finished, with exit 3.
        var failure = await Should.ThrowAsync<BackupException>(() => node.RunAsync([("true", "first"), ("false", "second")]));

        failure.Message.ShouldBe("first on ctl1 failed: exit 3: x");
        CommandBatch.Parse(shell.Scripts.ShouldHaveSingleItem()).ShouldNotBeNull().Parts.ShouldBe(["true", "false"]);
    }
}
