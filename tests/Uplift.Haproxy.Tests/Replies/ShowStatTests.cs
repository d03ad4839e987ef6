using Uplift.Haproxy;
using Uplift.Testing;

namespace Uplift.Tests.Replies;

public sealed class ShowStatTests
{
    private static IReadOnlyList<StatRow> Read(string fixture) => ShowStat.Parse(Fixtures.ReadShared("haproxy/" + fixture));

    [Fact]
    public void Given_the_whole_show_stat_When_parsed_Then_every_frontend_server_and_backend_line_is_there()
    {
        var rows = Read("show_stat.txt");

        rows.Select(r => $"{r.Proxy}/{r.Service}").ShouldBe(
        [
            "keystonepubfe/FRONTEND", "keystonepubbe/ctl1.example.net", "keystonepubbe/ctl2.example.net",
            "keystonepubbe/ctl10.example.net", "keystonepubbe/BACKEND", "novabe/ctl1.example.net",
            "novabe/ctl2.example.net", "novabe/ctl10.example.net", "novabe/BACKEND",
        ]);
        rows.Count(r => r.IsServer).ShouldBe(6);
    }

    [Fact]
    public void Given_show_stat_When_parsed_Then_columns_are_read_by_header_name()
    {
        var ctl10 = Read("show_stat.txt").Single(r => r.Proxy == "novabe" && r.Service == "ctl10.example.net");

        ctl10.Status.ShouldBe("DOWN");
        ctl10.SessionsCurrent.ShouldBe(0);
        ctl10.QueueCurrent.ShouldBe(0);
        ctl10.Address.ShouldBe("127.0.0.1:28776");
        ctl10.CheckStatus.ShouldBe("L4CON");
        ctl10.Field("check_desc").ShouldBe("Layer4 connection problem");
        ctl10.Field("last_chk").ShouldBe("Connection refused");
        ctl10.Weight.ShouldBe(1);
    }

    [Fact]
    public void Given_a_frontend_line_When_parsed_Then_fields_that_do_not_apply_are_null()
    {
        var frontend = Read("show_stat.txt")[0];

        frontend.Status.ShouldBe("OPEN");
        frontend.QueueCurrent.ShouldBeNull();
        frontend.SessionsCurrent.ShouldBe(0);
        frontend.Field("slim").ShouldBe("9983");
    }

    [Theory]
    [InlineData("show_stat_novabe_4_-1.txt", "UP", false)]
    [InlineData("drain_03_show_stat_novabe_4_-1.txt", "DRAIN", true)]
    [InlineData("maint_03_show_stat_novabe_4_-1.txt", "MAINT", true)]
    [InlineData("ready_03_show_stat_novabe_4_-1.txt", "UP 1/3", false)]
    [InlineData("ready_05_after3s_show_stat_novabe_4_-1.txt", "UP", false)]
    public void Given_ctl1_after_each_state_change_When_parsed_Then_its_status_tells_whether_it_takes_traffic(
        string fixture, string status, bool takesNoNewTraffic)
    {
        var rows = Read(fixture);
        var ctl1 = rows.Single(r => r.Service == "ctl1.example.net");

        rows.ShouldAllBe(r => r.Proxy == "novabe" && r.IsServer);
        ctl1.Status.ShouldBe(status);
        ctl1.TakesNoNewTraffic.ShouldBe(takesNoNewTraffic);
        ctl1.IsIdle.ShouldBeTrue();
        rows.Single(r => r.Service == "ctl10.example.net").Status.ShouldBe("DOWN");
    }

    [Fact]
    public void Given_columns_in_another_order_and_a_quoted_field_When_parsed_Then_names_still_find_them()
    {
        const string reply = "# svname,status,pxname,scur,qcur,check_desc,\nctl1,DRAIN,novabe,3,2,\"says \"\"hi\"\", twice\",\n\n";

        var row = ShowStat.Parse(reply).Single();

        (row.Proxy, row.Service, row.Status, row.SessionsCurrent, row.QueueCurrent).ShouldBe(("novabe", "ctl1", "DRAIN", 3L, 2L));
        row.Field("check_desc").ShouldBe("says \"hi\", twice");
        row.IsIdle.ShouldBeFalse();
    }

    [Theory]
    [InlineData("No such proxy.\n\n")]
    [InlineData("# pxname,svname,status\nnovabe,ctl1,UP\n")]
    [InlineData("")]
    public void Given_a_reply_without_the_needed_header_When_parsed_Then_it_is_refused(string reply) =>
        Should.Throw<FormatException>(() => ShowStat.Parse(reply));
}
