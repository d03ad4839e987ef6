using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class CinderServicesTests
{
    [Fact]
    public void Given_the_upstream_list_When_parsed_Then_scheduler_backup_and_volume_are_up_and_enabled()
    {
        var services = CinderServices.ParseList(Fixtures.ReadShared("openstack-api/cinder/v3_services-list-response.json"));

        services.Select(s => (s.Binary, s.Host)).ShouldBe([
            ("cinder-scheduler", "devstack"), ("cinder-backup", "devstack"), ("cinder-volume", "devstack@lvmdriver-1")]);
        services.ShouldAllBe(s => s.Status == ServiceStatus.Enabled && s.State == ServiceState.Up && s.DisabledReason == null && s.Zone == "nova");
        services[2].Frozen.ShouldBe(false);
        services[2].ReplicationStatus.ShouldBe("disabled");
        services[0].UpdatedAt.ShouldBe(new DateTimeOffset(2017, 6, 29, 5, 50, 35, TimeSpan.Zero));
    }

    [Fact]
    public void Given_the_v3_49_list_When_parsed_Then_clusters_reasons_and_missing_update_times_are_read()
    {
        var services = CinderServices.ParseList(Fixtures.ReadShared("openstack-api/cinder/v3_os-services_v3.49_services-list-response.json"));

        services.Count.ShouldBe(7);
        services.Count(s => s.Status == ServiceStatus.Disabled).ShouldBe(4);
        services.ShouldAllBe(s => s.State == ServiceState.Down);
        services[3].ShouldBe(new CinderService("cinder-volume", "host2", ServiceStatus.Disabled, ServiceState.Down, "cinder", "test4",
            new DateTimeOffset(2012, 9, 18, 8, 3, 38, TimeSpan.Zero), "cluster1", false, null, null));
        services[6].UpdatedAt.ShouldBeNull();
    }

    [Fact]
    public void Given_the_upstream_disable_answer_When_parsed_Then_the_service_is_disabled_with_its_reason()
    {
        var service = CinderServices.ParseChange(Fixtures.ReadShared("openstack-api/cinder/v3_services-disable-log-response.json"));

        service.ShouldBe(new CinderService("cinder-volume", "devstack@lvmdriver-1", ServiceStatus.Disabled, DisabledReason: "test"));
    }

    [Fact]
    public void Given_a_reason_When_building_the_disable_Then_the_body_is_the_upstream_sample()
    {
        var request = CinderRequests.DisableService("devstack@lvmdriver-1", "cinder-volume", "test");

        request.Method.ShouldBe(HttpMethod.Put);
        request.Path.ShouldBe("/os-services/disable-log-reason");
        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/cinder/v3_services-disable-log-request.json"), request.Body);
    }

    [Fact]
    public void Given_a_service_When_building_the_enable_Then_host_and_binary_are_sent()
    {
        var request = CinderRequests.EnableService("vol1@lvm", "cinder-volume");

        request.Path.ShouldBe("/os-services/enable");
        JsonAssert.Equal("""{"binary": "cinder-volume", "host": "vol1@lvm"}""", request.Body);
    }
}
