using Uplift.Diagnostics;
using Uplift.Haproxy;
using Uplift.Tests.Fakes;

namespace Uplift.Tests;

public sealed class HaproxyClientTests
{
    private readonly ScriptedAdminSocket _socket = new ScriptedAdminSocket()
        .OnFixture("show backend", "show_backend.txt")
        .OnFixture("show servers state novabe", "show_servers_state_novabe.txt");

    private HaproxyClient Client => new(_socket);

    [Fact]
    public async Task Given_a_socket_When_backends_are_listed_Then_show_backend_names_them()
    {
        (await Client.ListBackendsAsync()).ShouldBe(["keystonepubbe", "novabe"]);
        _socket.Sent.ShouldBe(["show backend"]);
    }

    [Fact]
    public async Task Given_a_backend_When_its_servers_are_listed_Then_they_come_from_show_servers_state_of_that_backend()
    {
        var servers = await Client.ListServersAsync("novabe");

        servers.Select(s => s.Name).ShouldBe(["ctl1.example.net", "ctl2.example.net", "ctl10.example.net"]);
    }

    [Fact]
    public async Task Given_a_reply_about_another_backend_When_servers_are_listed_Then_the_backend_is_unknown()
    {
        // HAProxy reads a numeric argument as a backend id: backend "4" would answer with novabe (id 4).
        _socket.OnFixture("show servers state 4", "show_servers_state_novabe.txt");

        var error = await Should.ThrowAsync<UnknownBackendException>(() => Client.ListServersAsync("4"));

        error.KnownBackends.ShouldBe(["keystonepubbe", "novabe"]);
    }

    [Fact]
    public async Task Given_servers_ctl1_dot_example_and_ctl10_When_ctl1_is_looked_up_Then_HAProxy_judges_the_name_and_the_valid_names_are_given()
    {
        _socket.On("get weight novabe/ctl1", "No such server.\n\n");

        var error = await Should.ThrowAsync<UnknownServerException>(() => Client.GetServerAsync("novabe", "ctl1"));

        error.HaproxyText.ShouldBe("No such server.");
        error.KnownServers.ShouldBe(["ctl1.example.net", "ctl2.example.net", "ctl10.example.net"]);
        error.Message.ShouldContain("ctl1.example.net, ctl2.example.net, ctl10.example.net");
    }

    [Fact]
    public async Task Given_an_exact_name_When_a_server_is_looked_up_Then_it_is_found_and_never_a_prefix_match()
    {
        var ctl1 = await Client.GetServerAsync("novabe", "ctl1.example.net");

        (ctl1.ServerId, ctl1.Port).ShouldBe((1L, 28774));
    }

    [Fact]
    public async Task Given_an_unknown_backend_When_a_server_is_drained_Then_the_error_has_the_HAProxy_text_and_the_backends()
    {
        _socket.OnFixture("set server nosuch/ctl1 state drain", "error_set_server_nosuch_ctl1_state_drain.txt");

        var error = await Should.ThrowAsync<UnknownBackendException>(() => Client.SetStateAsync("nosuch", "ctl1", ServerMode.Drain));

        error.HaproxyText.ShouldBe("No such backend.");
        error.KnownBackends.ShouldBe(["keystonepubbe", "novabe"]);
        error.Message.ShouldContain("keystonepubbe, novabe");
    }

    [Fact]
    public async Task Given_an_unknown_server_When_it_is_enabled_Then_the_error_has_the_HAProxy_text_and_the_servers()
    {
        _socket.OnFixture("enable server novabe/nosuch", "error_enable_server_novabe_nosuch.txt");

        var error = await Should.ThrowAsync<UnknownServerException>(() => Client.EnableServerAsync("novabe", "nosuch"));

        (error.HaproxyText, error.Backend, error.Server).ShouldBe(("No such server.", "novabe", "nosuch"));
        error.KnownServers!.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(ServerMode.Ready, "set server novabe/ctl1.example.net state ready")]
    [InlineData(ServerMode.Drain, "set server novabe/ctl1.example.net state drain")]
    [InlineData(ServerMode.Maintenance, "set server novabe/ctl1.example.net state maint")]
    public async Task Given_a_mode_When_set_Then_exactly_one_command_names_the_server(ServerMode mode, string command)
    {
        _socket.On(command, "\n");

        await Client.SetStateAsync("novabe", "ctl1.example.net", mode);

        _socket.Sent.ShouldBe([command]);
    }

    [Fact]
    public async Task Given_disable_and_enable_When_sent_Then_the_HAProxy_commands_are_used()
    {
        _socket.OnFixture("disable server novabe/ctl1", "disable_01_disable_server.txt").On("enable server novabe/ctl1", "\n");

        await Client.DisableServerAsync("novabe", "ctl1");
        await Client.EnableServerAsync("novabe", "ctl1");

        _socket.Sent.ShouldBe(["disable server novabe/ctl1", "enable server novabe/ctl1"]);
    }

    [Theory]
    [InlineData("novabe;disable server novabe/ctl2", "ctl1")]
    [InlineData("novabe", "ctl1 state maint")]
    [InlineData("novabe", "")]
    [InlineData("nova\nbe", "ctl1")]
    public async Task Given_a_name_that_would_change_the_command_When_used_Then_it_is_refused_before_anything_is_sent(string backend, string server)
    {
        await Should.ThrowAsync<InputException>(() => Client.SetStateAsync(backend, server, ServerMode.Drain));
        _socket.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_backend_When_its_stats_are_read_Then_only_its_lines_are_kept()
    {
        _socket.OnFixture("show stat novabe -1 -1", "show_stat.txt");

        var rows = await Client.ShowStatAsync("novabe");

        rows.Select(r => r.Service).ShouldBe(["ctl1.example.net", "ctl2.example.net", "ctl10.example.net", "BACKEND"]);
    }

    [Fact]
    public async Task Given_one_server_When_its_stat_is_read_Then_show_stat_BE_4_minus_1_gives_its_line()
    {
        _socket.OnFixture("show stat novabe 4 -1", "drain_03_show_stat_novabe_4_-1.txt");

        var ctl1 = await Client.GetServerStatAsync("novabe", "ctl1.example.net");

        ctl1.Status.ShouldBe("DRAIN");
    }

    [Fact]
    public async Task Given_a_reply_that_is_no_listing_When_parsed_Then_an_unexpected_reply_error_quotes_it()
    {
        _socket.On("show backend", "hello\n\n");

        var error = await Should.ThrowAsync<UnexpectedReplyException>(() => Client.ListBackendsAsync());

        error.HaproxyText.ShouldBe("hello\n\n");
        error.Command.ShouldBe("show backend");
    }

    [Fact]
    public async Task Given_show_servers_conn_When_read_Then_it_is_parsed()
    {
        _socket.OnFixture("show servers conn novabe", "show_servers_conn_novabe.txt");

        (await Client.ShowServersConnAsync("novabe")).Count.ShouldBe(3);
    }
}
