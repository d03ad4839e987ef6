using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class NovaServicesTests
{
    [Fact]
    public void Given_the_v2_53_list_When_parsed_Then_every_service_has_its_uuid_status_state_and_reason()
    {
        var services = NovaServices.ParseList(Fixtures.ReadShared("openstack-api/nova/os-services_v2.53_services-list-get-resp.json"));

        services.Count.ShouldBe(4);
        services.Select(s => s.Id).ShouldBe([
            "c4726392-27de-4ff9-b2e0-5aa1d08a520f", "e81d66a4-ddd3-4aba-8a84-171d1cb4d339",
            "bbd684ff-d3f6-492e-a30a-a12a2d2db0e0", "13aa304e-5340-45a7-a7fb-b6d6e914d272"]);
        var compute = services[1];
        compute.ShouldBe(new NovaService("e81d66a4-ddd3-4aba-8a84-171d1cb4d339", "nova-compute", "host1", ServiceStatus.Disabled,
            ServiceState.Up, "nova", "test2", false, new DateTimeOffset(2012, 10, 29, 13, 42, 5, TimeSpan.Zero)));
        services[2].State.ShouldBe(ServiceState.Down);
        services[2].Status.ShouldBe(ServiceStatus.Enabled);
        services[2].DisabledReason.ShouldBeNull();
        services.ShouldAllBe(s => !s.InDownCell);
    }

    [Fact]
    public void Given_the_v2_69_down_cell_list_When_parsed_Then_services_are_unknown_without_id_or_state()
    {
        var services = NovaServices.ParseList(Fixtures.ReadShared("openstack-api/nova/os-services_v2.69_services-list-get-resp.json"));

        services.Select(s => (s.Binary, s.Host)).ShouldBe([("nova-compute", "host1"), ("nova-compute", "host2")]);
        services.ShouldAllBe(s => s.InDownCell && s.Status == ServiceStatus.Unknown && s.State == ServiceState.Unknown
            && s.Id == null && s.Zone == null && s.ForcedDown == null && s.UpdatedAt == null);
    }

    [Theory]
    [InlineData("os-services_v2.53_service-disable-log-put-resp.json", ServiceStatus.Disabled, "maintenance")]
    [InlineData("os-services_v2.53_service-enable-put-resp.json", ServiceStatus.Enabled, null)]
    public void Given_an_update_answer_When_parsed_Then_it_is_the_service_as_it_now_is(string file, ServiceStatus status, string? reason)
    {
        var service = NovaServices.ParseOne(Fixtures.ReadShared("openstack-api/nova/" + file));

        service.Id.ShouldBe("e81d66a4-ddd3-4aba-8a84-171d1cb4d339");
        service.Binary.ShouldBe("nova-compute");
        service.Host.ShouldBe("host1");
        service.Status.ShouldBe(status);
        service.DisabledReason.ShouldBe(reason);
        service.ForcedDown.ShouldBe(false);
    }

    [Fact]
    public void Given_a_pre_2_53_disable_answer_When_parsed_Then_host_binary_and_reason_are_read()
    {
        var service = NovaServices.ParseOne("""{"service": {"binary": "nova-compute", "disabled_reason": "uplift", "host": "cmp1", "status": "disabled"}}""");

        service.ShouldBe(new NovaService(null, "nova-compute", "cmp1", ServiceStatus.Disabled, DisabledReason: "uplift"));
    }

    [Fact]
    public void Given_a_list_without_services_When_parsed_Then_the_error_names_the_missing_field()
    {
        Should.Throw<FormatException>(() => NovaServices.ParseList("""{"service": []}"""))
            .Message.ShouldContain("'services'");
    }
}
