using Uplift.Diagnostics;
using Uplift.Haproxy;
using Uplift.Tests.Fakes;

namespace Uplift.Tests.Commands;

/// <summary>Several commands in one connection, each reply read as if its command had gone alone (fixtures of real replies).</summary>
public sealed class AdminBatchTests
{
    private const string Ctl1 = "ctl1.example.net";
    private const string Stat = "show stat novabe 4 -1";

    private readonly ScriptedAdminSocket _socket = new ScriptedAdminSocket()
        .OnFixture("show backend", "show_backend.txt")
        .OnFixture("show servers state novabe", "show_servers_state_novabe.txt")
        .OnFixture($"set server novabe/{Ctl1} state drain", "drain_01_set_server_state_drain.txt")
        .OnFixture(Stat, "drain_03_show_stat_novabe_4_-1.txt");

    private HaproxyClient Client => new(_socket);

    [Fact]
    public async Task Given_a_read_a_drain_and_a_stat_When_sent_Then_one_line_carries_them_and_each_reply_is_parsed()
    {
        var batch = new AdminBatch();
        var before = batch.GetServer("novabe", Ctl1);
        var drain = batch.SetState("novabe", Ctl1, ServerMode.Drain);
        var stat = batch.GetServerStat("novabe", Ctl1);

        await Client.SendAsync(batch);

        _socket.Sent.ShouldBe([$"show servers state novabe;set server novabe/{Ctl1} state drain;{Stat}"]);
        batch.Commands.ShouldBe(["show servers state novabe", $"set server novabe/{Ctl1} state drain", Stat]);
        (before.Value.Name, before.Value.Port, before.Value.AdminState).ShouldBe((Ctl1, 28774, ServerAdminState.None));
        drain.Value.ShouldBe("\n");
        (stat.Value.Service, stat.Value.Status).ShouldBe((Ctl1, "DRAIN"));
    }

    [Fact]
    public async Task Given_an_unknown_server_When_a_drain_and_its_stat_are_sent_Then_the_refusal_names_its_command_and_the_servers()
    {
        _socket.OnFixture("set server novabe/nosuch state drain", "error_enable_server_novabe_nosuch.txt");
        var batch = new AdminBatch();
        batch.SetState("novabe", "nosuch", ServerMode.Drain);
        batch.GetServerStat("novabe", "nosuch");

        var error = await Should.ThrowAsync<UnknownServerException>(() => Client.SendAsync(batch));

        (error.Command, error.HaproxyText, error.Server).ShouldBe(("set server novabe/nosuch state drain", "No such server.", "nosuch"));
        error.KnownServers.ShouldBe([Ctl1, "ctl2.example.net", "ctl10.example.net"]);
    }

    [Fact]
    public async Task Given_ctl1_and_servers_named_ctl1_dot_example_and_ctl10_When_ctl1_is_read_in_a_batch_Then_no_prefix_matches()
    {
        _socket.On("get weight novabe/ctl1", "No such server.\n\n");
        var batch = new AdminBatch();
        batch.GetServer("novabe", "ctl1");
        batch.GetServerStat("novabe", "ctl1");

        var error = await Should.ThrowAsync<UnknownServerException>(() => Client.SendAsync(batch));

        (error.Command, error.HaproxyText).ShouldBe(("get weight novabe/ctl1", "No such server."));
        _socket.Sent.First().ShouldBe($"show servers state novabe;{Stat}");
    }

    [Fact]
    public async Task Given_a_socket_that_refuses_actions_When_a_drain_goes_between_two_reads_Then_permission_denied_is_thrown_for_it()
    {
        _socket.On($"set server novabe/{Ctl1} state drain", "Permission denied\n\n");
        var batch = new AdminBatch();
        batch.GetServer("novabe", Ctl1);
        batch.SetState("novabe", Ctl1, ServerMode.Drain);
        batch.GetServerStat("novabe", Ctl1);

        var error = await Should.ThrowAsync<PermissionDeniedException>(() => Client.SendAsync(batch));

        (error.Command, error.HaproxyText).ShouldBe(($"set server novabe/{Ctl1} state drain", "Permission denied"));
    }

    [Fact]
    public async Task Given_a_reply_cut_before_the_last_command_ended_When_sent_Then_an_unexpected_reply_names_the_whole_line()
    {
        _socket.On(Stat, "# pxname,svname,qcur,qmax,scur,smax,status\nnovabe,ctl1.exa");
        var batch = new AdminBatch();
        batch.SetState("novabe", Ctl1, ServerMode.Drain);
        batch.GetServerStat("novabe", Ctl1);

        var error = await Should.ThrowAsync<UnexpectedReplyException>(() => Client.SendAsync(batch));

        error.Command.ShouldBe($"set server novabe/{Ctl1} state drain;{Stat}");
        error.Message.ShouldContain("the reply to command 2 of 2 has no end");
    }

    [Fact]
    public async Task Given_a_reply_that_is_no_listing_When_read_in_a_batch_Then_the_error_names_that_command_and_quotes_its_reply()
    {
        _socket.On("show servers state novabe", "hello\n\n");
        var batch = new AdminBatch();
        batch.SetState("novabe", Ctl1, ServerMode.Drain);
        batch.GetServer("novabe", Ctl1);

        var error = await Should.ThrowAsync<UnexpectedReplyException>(() => Client.SendAsync(batch));

        (error.Command, error.HaproxyText).ShouldBe(("show servers state novabe", "hello\n\n"));
    }

    [Fact]
    public void Given_a_batch_not_sent_When_a_value_is_read_Then_it_says_to_send_the_batch_first() =>
        Should.Throw<InvalidOperationException>(() => new AdminBatch().GetServer("novabe", Ctl1).Value).Message.ShouldContain("send its batch");

    [Fact]
    public async Task Given_an_empty_batch_When_sent_Then_it_is_refused_and_nothing_goes()
    {
        await Should.ThrowAsync<ArgumentException>(() => Client.SendAsync(new AdminBatch()));

        _socket.Sent.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("novabe", "ctl1;disable server novabe/ctl2")]
    [InlineData("novabe;show stat", "ctl1")]
    [InlineData("novabe", "ctl1\\")]
    public void Given_a_name_that_would_add_a_command_to_the_line_When_batched_Then_it_is_refused(string backend, string server) =>
        Should.Throw<InputException>(() => new AdminBatch().SetState(backend, server, ServerMode.Drain));
}
