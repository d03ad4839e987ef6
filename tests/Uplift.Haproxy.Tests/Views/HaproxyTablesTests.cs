using Uplift.Haproxy;
using Uplift.Testing;

namespace Uplift.Tests.Views;

public sealed class HaproxyTablesTests
{
    [Fact]
    public void Given_novabe_while_ctl1_drains_When_its_servers_are_shown_Then_each_line_joins_state_and_stat_by_exact_name()
    {
        var servers = ShowServersState.Parse(Fixtures.ReadShared("haproxy/drain_02_show_servers_state_novabe.txt"));
        var stats = ShowStat.Parse(Fixtures.ReadShared("haproxy/drain_03_show_stat_novabe_4_-1.txt"));

        HaproxyTables.Servers(servers, stats).ShouldBe("""
            SERVER             ADDRESS          OPERATIONAL  ADMIN   STATUS  SESSIONS  QUEUED
            ctl1.example.net   127.0.0.1:28774  running      FDRAIN  DRAIN   0         0
            ctl2.example.net   127.0.0.1:28775  running      -       UP      0         0
            ctl10.example.net  127.0.0.1:28776  stopped      -       DOWN    0         0

            """);
    }

    [Fact]
    public void Given_a_drain_that_timed_out_When_shown_Then_the_line_says_what_is_left()
    {
        var last = ShowStat.Parse("# pxname,svname,qcur,scur,status\nnovabe,ctl1,2,3,DRAIN\n").Single();
        var outcome = new DrainOutcome("/s", "novabe", "ctl1", false, ServerAdminState.None, last, TimeSpan.FromSeconds(60), 61);

        HaproxyTables.Drain(outcome).ShouldBe("novabe/ctl1: still 3 session(s), 2 queued after 60.0 s");
    }
}
