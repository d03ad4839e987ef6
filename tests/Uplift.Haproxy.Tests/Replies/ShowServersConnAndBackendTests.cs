using Uplift.Haproxy;
using Uplift.Testing;

namespace Uplift.Tests.Replies;

public sealed class ShowServersConnAndBackendTests
{
    [Fact]
    public void Given_show_servers_conn_When_parsed_Then_backend_server_and_counters_are_read_by_name()
    {
        var lines = ShowServersConn.Parse(Fixtures.ReadShared("haproxy/show_servers_conn_novabe.txt"));

        lines.Select(l => l.Server).ShouldBe(["ctl1.example.net", "ctl2.example.net", "ctl10.example.net"]);
        lines.ShouldAllBe(l => l.Backend == "novabe" && l.Address == "127.0.0.1");
        lines.Select(l => l.Port).ShouldBe([28774, 28775, 28776]);
        lines[0].UsedCurrent.ShouldBe(0);
        lines[0].IdleCurrent.ShouldBe(0);
        lines[0].Field("purge_delay").ShouldBe("5000");
        lines[0].Field("used_max").ShouldBe("1");
        // idle_per_thr[2] spans one value per thread
        lines[0].Field("idle_per_thr[2]").ShouldBe("0 0");
    }

    [Fact]
    public void Given_show_backend_When_parsed_Then_every_backend_name_is_listed()
    {
        ShowBackend.Parse(Fixtures.ReadShared("haproxy/show_backend.txt")).ShouldBe(["keystonepubbe", "novabe"]);
    }

    [Theory]
    [InlineData("Permission denied\n\n")]
    [InlineData("")]
    public void Given_an_error_text_instead_of_a_listing_When_parsed_Then_it_is_refused(string reply)
    {
        Should.Throw<FormatException>(() => ShowBackend.Parse(reply));
        Should.Throw<FormatException>(() => ShowServersConn.Parse(reply));
    }
}
