using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class NovaRequestsTests
{
    private static readonly NovaService Compute = new("e81d66a4-ddd3-4aba-8a84-171d1cb4d339", "nova-compute", "host1", ServiceStatus.Enabled);

    [Fact]
    public void Given_nova_at_2_53_or_later_When_disabling_Then_the_body_is_the_upstream_sample_sent_to_the_service_uuid()
    {
        var request = NovaRequests.DisableService(Compute, "maintenance", new Microversion(2, 96));

        request.Method.ShouldBe(HttpMethod.Put);
        request.Path.ShouldBe("/os-services/e81d66a4-ddd3-4aba-8a84-171d1cb4d339");
        request.Microversion.ShouldBe("compute 2.53");
        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/nova/os-services_v2.53_service-disable-log-put-req.json"), request.Body);
    }

    [Fact]
    public void Given_nova_at_2_53_When_enabling_Then_the_body_is_the_upstream_sample()
    {
        var request = NovaRequests.EnableService(Compute, new Microversion(2, 53));

        request.Path.ShouldBe("/os-services/e81d66a4-ddd3-4aba-8a84-171d1cb4d339");
        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/nova/os-services_v2.53_service-enable-put-req.json"), request.Body);
    }

    [Theory]
    [InlineData("2.52")]
    [InlineData(null)]
    public void Given_nova_older_than_2_53_When_disabling_and_enabling_Then_the_host_binary_forms_are_used_without_microversion(string? max)
    {
        Microversion? serverMax = max is null ? null : Microversion.Parse(max);
        var legacy = Compute with { Id = "7" };

        var disable = NovaRequests.DisableService(legacy, "uplift run 42", serverMax);
        var enable = NovaRequests.EnableService(legacy, serverMax);

        disable.Path.ShouldBe("/os-services/disable-log-reason");
        disable.Microversion.ShouldBeNull();
        JsonAssert.Equal("""{"host": "host1", "binary": "nova-compute", "disabled_reason": "uplift run 42"}""", disable.Body);
        enable.Path.ShouldBe("/os-services/enable");
        JsonAssert.Equal("""{"host": "host1", "binary": "nova-compute"}""", enable.Body);
    }

    [Fact]
    public void Given_a_service_in_a_down_cell_When_disabling_Then_it_is_refused_with_the_reason()
    {
        var unknown = new NovaService(null, "nova-compute", "host2", ServiceStatus.Unknown);

        Should.Throw<OpenStackApiException>(() => NovaRequests.DisableService(unknown, "x", new Microversion(2, 79)))
            .Message.ShouldContain("cell is down");
    }

    [Theory]
    [InlineData("2.96", "compute 2.69")]
    [InlineData("2.60", "compute 2.53")]
    [InlineData("2.40", null)]
    public void Given_the_server_maximum_When_listing_services_Then_the_highest_useful_microversion_is_asked(string max, string? expected)
    {
        var request = NovaRequests.ListServices(Microversion.Parse(max), host: "cmp 1", binary: "nova-compute");

        request.Microversion.ShouldBe(expected);
        request.Path.ShouldBe("/os-services?host=cmp%201&binary=nova-compute");
    }

    [Fact]
    public void Given_a_target_host_When_live_migrating_Then_the_body_is_the_upstream_sample()
    {
        var request = NovaRequests.LiveMigrate("2ce4c5b3", new Microversion(2, 96), "01c0cadef72d47e28a672a76060d492c");

        request.Method.ShouldBe(HttpMethod.Post);
        request.Path.ShouldBe("/servers/2ce4c5b3/action");
        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/nova/os-migrate-server_v2.68_live-migrate-server.json"), request.Body);
    }

    [Fact]
    public void Given_no_target_When_live_migrating_Then_host_is_null_block_migration_auto_at_2_25()
    {
        var request = NovaRequests.LiveMigrate("abc", new Microversion(2, 25));

        request.Microversion.ShouldBe("compute 2.25");
        JsonAssert.Equal("""{"os-migrateLive": {"host": null, "block_migration": "auto"}}""", request.Body);
    }

    [Fact]
    public void Given_nova_older_than_2_25_When_live_migrating_Then_it_is_refused_naming_the_needed_version()
    {
        Should.Throw<OpenStackApiException>(() => NovaRequests.LiveMigrate("abc", new Microversion(2, 24)))
            .Message.ShouldContain("needs 2.25");
    }

    [Fact]
    public void Given_a_host_When_listing_its_servers_Then_all_projects_are_asked_for_by_host()
    {
        NovaRequests.ServersOnHost("cmp1").Path.ShouldBe("/servers/detail?all_tenants=1&host=cmp1");
        NovaRequests.ServersOnHost("cmp1", marker: "m1").Path.ShouldBe("/servers/detail?all_tenants=1&host=cmp1&marker=m1");
    }

    [Theory]
    [InlineData("""{"version": {"id": "v2.1", "status": "CURRENT", "version": "2.96", "min_version": "2.1"}}""", null, "2.96")]
    [InlineData("""{"versions": [{"id": "v2.0", "version": ""}, {"id": "v2.1", "version": "2.79"}]}""", null, "2.79")]
    [InlineData("""{"versions": [{"id": "v2.0", "version": ""}]}""", "compute 2.60", "2.60")]
    [InlineData("not json", "compute 2.10", "2.10")]
    [InlineData("""{"version": {"id": "v2.0", "version": ""}}""", null, null)]
    public void Given_a_version_document_or_header_When_read_Then_the_maximum_microversion_is_found(string body, string? header, string? expected)
    {
        NovaVersions.MaxMicroversion(body, header)?.ToString().ShouldBe(expected);
        (NovaVersions.MaxMicroversion(body, header) is null).ShouldBe(expected is null);
    }

    [Fact]
    public void Given_microversions_When_compared_Then_the_minor_part_compares_as_a_number()
    {
        (Microversion.Parse("2.9") < Microversion.Parse("2.10")).ShouldBeTrue();
        Microversion.TryParse("2", out _).ShouldBeFalse();
        Microversion.TryParse("latest", out _).ShouldBeFalse();
    }
}
