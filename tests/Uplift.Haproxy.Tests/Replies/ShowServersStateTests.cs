using Uplift.Haproxy;
using Uplift.Testing;

namespace Uplift.Tests.Replies;

public sealed class ShowServersStateTests
{
    private static ServerState Ctl1(string fixture) =>
        ShowServersState.Parse(Fixtures.ReadShared("haproxy/" + fixture)).Single(s => s.Name == "ctl1.example.net");

    [Fact]
    public void Given_show_servers_state_of_all_backends_When_parsed_Then_every_server_is_read_by_header_name()
    {
        var servers = ShowServersState.Parse(Fixtures.ReadShared("haproxy/show_servers_state.txt"));

        servers.Select(s => $"{s.Backend}/{s.Name}").ShouldBe(
        [
            "keystonepubbe/ctl1.example.net", "keystonepubbe/ctl2.example.net", "keystonepubbe/ctl10.example.net",
            "novabe/ctl1.example.net", "novabe/ctl2.example.net", "novabe/ctl10.example.net",
        ]);
        var ctl10 = servers[5];
        (ctl10.BackendId, ctl10.ServerId, ctl10.Address, ctl10.Port).ShouldBe((4L, 3L, "127.0.0.1", 28776));
        ctl10.OperationalState.ShouldBe(ServerOperationalState.Stopped);
        ctl10.AdminState.ShouldBe(ServerAdminState.None);
        ctl10.Field("srv_check_status").ShouldBe("8");
        servers[0].OperationalState.ShouldBe(ServerOperationalState.Running);
    }

    [Theory]
    [InlineData("show_servers_state_novabe.txt", ServerOperationalState.Running, ServerAdminState.None, "-")]
    [InlineData("drain_02_show_servers_state_novabe.txt", ServerOperationalState.Running, ServerAdminState.ForcedDrain, "FDRAIN")]
    [InlineData("maint_02_show_servers_state_novabe.txt", ServerOperationalState.Stopped, ServerAdminState.ForcedMaintenance, "FMAINT")]
    [InlineData("ready_02_show_servers_state_novabe.txt", ServerOperationalState.Running, ServerAdminState.None, "-")]
    [InlineData("disable_02_show_servers_state_novabe.txt", ServerOperationalState.Stopped, ServerAdminState.ForcedMaintenance, "FMAINT")]
    public void Given_ctl1_after_each_state_change_When_parsed_Then_its_states_are_decoded(
        string fixture, ServerOperationalState op, ServerAdminState admin, string text)
    {
        var ctl1 = Ctl1(fixture);

        ctl1.OperationalState.ShouldBe(op);
        ctl1.AdminState.ShouldBe(admin);
        ctl1.AdminStateText.ShouldBe(text);
        ctl1.Draining.ShouldBe(admin == ServerAdminState.ForcedDrain);
        ctl1.InMaintenance.ShouldBe(admin == ServerAdminState.ForcedMaintenance);
    }

    [Theory]
    [InlineData(0x01, "FMAINT")]
    [InlineData(0x02, "IMAINT")]
    [InlineData(0x04, "CMAINT")]
    [InlineData(0x08, "FDRAIN")]
    [InlineData(0x10, "IDRAIN")]
    [InlineData(0x20, "RMAINT")]
    [InlineData(0x40, "HMAINT")]
    [InlineData(0x29, "FMAINT|FDRAIN|RMAINT")]
    public void Given_an_admin_state_bitmask_When_parsed_Then_each_bit_is_a_flag(int mask, string text)
    {
        var reply = $"1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state\n3 be 1 s 10.0.0.1 2 {mask}\n\n";

        var server = ShowServersState.Parse(reply).Single();

        ((int)server.AdminState).ShouldBe(mask);
        server.AdminStateText.ShouldBe(text);
    }

    [Fact]
    public void Given_columns_moved_and_a_comment_line_When_parsed_Then_names_still_find_them()
    {
        const string reply = "1\n# srv_admin_state srv_name srv_op_state be_name\n# a comment\n8 ctl1 3 novabe\n\n";

        var server = ShowServersState.Parse(reply).Single();

        (server.Backend, server.Name, server.OperationalState, server.AdminState)
            .ShouldBe(("novabe", "ctl1", ServerOperationalState.Stopping, ServerAdminState.ForcedDrain));
        server.Port.ShouldBeNull();
    }

    [Theory]
    [InlineData("Can't find backend.\n\n")]
    [InlineData("# be_id be_name\n")]
    [InlineData("1\n# be_id be_name srv_id srv_name\n")]
    public void Given_a_reply_without_version_or_needed_columns_When_parsed_Then_it_is_refused(string reply) =>
        Should.Throw<FormatException>(() => ShowServersState.Parse(reply));
}
