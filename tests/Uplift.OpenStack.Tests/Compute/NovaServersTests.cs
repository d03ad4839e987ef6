using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class NovaServersTests
{
    [Fact]
    public void Given_the_v2_73_details_When_parsed_Then_id_status_host_and_task_state_are_read()
    {
        var page = NovaServers.ParsePage(Fixtures.ReadShared("openstack-api/nova/servers_v2.73_servers-details-resp.json"));

        page.Servers.ShouldBe([new Server("2ce4c5b3-2866-4972-93ce-77a2ea46a7f9", "new-server-test", "ACTIVE", "compute", "fake-mini",
            null, "active", "6f70656e737461636b20342065766572")]);
        page.NextMarker.ShouldBeNull();
    }

    [Fact]
    public void Given_a_page_with_a_next_link_When_parsed_Then_the_marker_is_the_last_server()
    {
        var page = NovaServers.ParsePage("""
            {"servers": [{"id": "a", "status": "ACTIVE"}, {"id": "b", "status": "MIGRATING", "OS-EXT-STS:task_state": "migrating"}],
             "servers_links": [{"rel": "next", "href": "http://nova/v2.1/servers/detail?marker=b"}]}
            """);

        page.NextMarker.ShouldBe("b");
        page.Servers[1].TaskState.ShouldBe("migrating");
    }

    [Fact]
    public void Given_one_server_When_parsed_Then_it_is_read_from_the_server_key()
    {
        NovaServers.ParseOne("""{"server": {"id": "x", "status": "ERROR", "OS-EXT-SRV-ATTR:host": "cmp2"}}""")
            .ShouldBe(new Server("x", null, "ERROR", "cmp2"));
    }

    [Fact]
    public void Given_the_v2_53_hypervisors_with_servers_When_parsed_Then_each_instance_is_listed()
    {
        var hypervisors = NovaHypervisors.ParseList(Fixtures.ReadShared("openstack-api/nova/os-hypervisors_v2.53_hypervisors-with-servers-resp.json"));

        var hypervisor = hypervisors.ShouldHaveSingleItem();
        hypervisor.HypervisorHostname.ShouldBe("fake-mini");
        hypervisor.Id.ShouldBe("b1e43b5f-eec1-44e0-9f10-7b4945c0226d");
        hypervisor.State.ShouldBe(ServiceState.Up);
        hypervisor.Status.ShouldBe(ServiceStatus.Enabled);
        hypervisor.Servers.ShouldBe([
            new HypervisorServer("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "test_server1"),
            new HypervisorServer("bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb", "test_server2")]);
    }

    [Fact]
    public void Given_the_v2_80_migrations_When_parsed_Then_type_status_and_hosts_are_read_and_failures_recognised()
    {
        var migrations = NovaMigrations.ParseList(Fixtures.ReadShared("openstack-api/nova/os-migrations_v2.80_migrations-get.json"));

        migrations.Count.ShouldBe(4);
        migrations[2].ShouldBe(new Migration("8600d31b-d1a1-4632-b2ff-45c2be1a70ff", "error", "live-migration", "compute1", "compute2",
            new DateTimeOffset(2016, 1, 29, 12, 42, 2, TimeSpan.Zero), new DateTimeOffset(2016, 1, 29, 12, 42, 2, TimeSpan.Zero),
            "22341d4b-346a-40d0-83c6-5f4f6892b650"));
        migrations.Select(m => m.Failed).ShouldBe([false, true, true, false]);
        migrations[3].MigrationType.ShouldBe("live-migration");
        migrations[0].MigrationType.ShouldBe("resize");
    }
}
