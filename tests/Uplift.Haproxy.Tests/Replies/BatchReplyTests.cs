using Uplift.Haproxy;
using Uplift.Testing;

namespace Uplift.Tests.Replies;

/// <summary>Splitting the reply to several commands, on replies captured from a real HAProxy (Replies/Batches/README.md).</summary>
public sealed class BatchReplyTests
{
    private static string Captured(string name) => File.ReadAllText(Fixtures.Project($"tests/Uplift.Haproxy.Tests/Replies/Batches/{name}"));

    [Fact]
    public void Given_the_reply_to_a_read_a_drain_and_a_show_stat_When_split_Then_each_command_gets_its_own_reply()
    {
        var replies = BatchReply.Split(Captured("batch_drain.txt"), 3);

        var before = ShowServersState.Parse(replies[0]).Single(s => s.Name == "ctl1.example.net");
        var stat = ShowStat.Parse(replies[2]).Single(r => r.Service == "ctl1.example.net");
        before.AdminState.ShouldBe(ServerAdminState.None);
        replies[1].ShouldBe("\n", "a done 'set server' answers only the empty line that ends every reply");
        (stat.Status, stat.IsIdle).ShouldBe(("DRAIN", true));
        string.Concat(replies).ShouldBe(Captured("batch_drain.txt"), "nothing is lost or added");
    }

    [Fact]
    public void Given_the_reply_to_ready_and_show_servers_state_When_split_Then_the_state_read_after_is_ready()
    {
        var replies = BatchReply.Split(Captured("batch_ready.txt"), 2);

        replies[0].ShouldBe("\n");
        ShowServersState.Parse(replies[1]).Select(s => s.AdminState).ShouldAllBe(state => state == ServerAdminState.None);
    }

    [Theory]
    [InlineData("batch_error_nosuch_server.txt", 2, "No such server.\n\n")]
    [InlineData("batch_error_permission.txt", 2, "Permission denied\n\n")]
    [InlineData("batch_error_nosuch_backend.txt", 3, "Can't find backend.\n\n")]
    public void Given_a_refused_first_command_When_split_Then_its_reply_is_the_refusal_and_the_next_commands_still_ran(
        string file, int commands, string first)
    {
        var replies = BatchReply.Split(Captured(file), commands);

        replies[0].ShouldBe(first);
        replies.Count.ShouldBe(commands);
        replies.Skip(1).ShouldAllBe(r => r.Length > 0);
    }

    [Fact]
    public void Given_an_unknown_command_in_the_middle_When_split_Then_its_usage_text_is_one_reply_and_the_next_is_intact()
    {
        var replies = BatchReply.Split(Captured("batch_error_unknown_command.txt"), 3);

        replies[1].ShouldStartWith("Unknown command");
        ShowBackend.Parse(replies[2]).ShouldBe(["novabe"]);
    }

    [Theory]
    [InlineData(2, "HAProxy sent more than 2 replies to 2 commands")]
    [InlineData(4, "HAProxy answered 3 of 4 commands")]
    public void Given_a_count_that_does_not_match_the_replies_When_split_Then_it_is_refused(int commands, string problem) =>
        Should.Throw<FormatException>(() => BatchReply.Split(Captured("batch_drain.txt"), commands)).Message.ShouldStartWith(problem);

    [Fact]
    public void Given_a_reply_cut_in_the_middle_of_a_listing_When_split_Then_the_cut_command_is_named()
    {
        var whole = Captured("batch_drain.txt");
        var cut = whole[..(whole.IndexOf("novabe,ctl2", StringComparison.Ordinal) + 5)];

        Should.Throw<FormatException>(() => BatchReply.Split(cut, 3)).Message.ShouldStartWith("the reply to command 3 of 3 has no end");
    }

    [Fact]
    public void Given_the_single_replies_captured_one_command_per_connection_When_joined_Then_the_split_gives_each_back()
    {
        string[] files = ["show_servers_state_novabe.txt", "drain_01_set_server_state_drain.txt", "drain_03_show_stat_novabe_4_-1.txt",
            "error_enable_server_novabe_nosuch.txt"];
        var singles = files.Select(f => Fixtures.ReadShared("haproxy/" + f)).ToList();

        BatchReply.Split(string.Concat(singles), singles.Count).ShouldBe(singles);
    }
}
