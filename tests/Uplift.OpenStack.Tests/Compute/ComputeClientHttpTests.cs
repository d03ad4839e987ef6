using System.Text.Json.Nodes;
using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

/// <summary>Nova calls against a real local HTTP server: microversion discovery and fallback, host listing.</summary>
public sealed class ComputeClientHttpTests : IAsyncDisposable
{
    private const string Root = "/compute/v2.1";

    private readonly TestClock _clock = new() { EndsWaitsAtOnce = true };
    private readonly ScriptedCloud _cloud;

    public ComputeClientHttpTests() => _cloud = new ScriptedCloud(_clock);

    [Fact]
    public async Task Given_nova_offering_2_79_When_disabling_a_compute_Then_the_2_53_uuid_form_is_sent()
    {
        _cloud.ServeComputeVersion("2.79");
        _cloud.On("GET", Root + "/os-services", _ => Reply.Json(Fixtures.ReadShared("openstack-api/nova/os-services_v2.53_services-list-get-resp.json")));
        _cloud.On("PUT", Root + "/os-services/e81d66a4-ddd3-4aba-8a84-171d1cb4d339",
            _ => Reply.Json(Fixtures.ReadShared("openstack-api/nova/os-services_v2.53_service-disable-log-put-resp.json")));
        using var session = _cloud.Session();
        var compute = new ComputeClient(session);

        var services = await compute.ServicesAsync(host: "host1", binary: "nova-compute");
        var disabled = await compute.DisableAsync(services.Single(s => s.Binary == "nova-compute" && s.Host == "host1"), "maintenance");

        disabled.Status.ShouldBe(ServiceStatus.Disabled);
        var list = _cloud.Server.RequestsTo("GET", Root + "/os-services").ShouldHaveSingleItem();
        list.Query.ShouldBe("?host=host1&binary=nova-compute");
        list.Header("OpenStack-API-Version").ShouldBe("compute 2.69");
        var put = _cloud.Server.RequestsTo("PUT", Root + "/os-services/e81d66a4-ddd3-4aba-8a84-171d1cb4d339").ShouldHaveSingleItem();
        put.Header("OpenStack-API-Version").ShouldBe("compute 2.53");
        put.Header("X-OpenStack-Nova-API-Version").ShouldBe("2.53");
        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/nova/os-services_v2.53_service-disable-log-put-req.json"), JsonNode.Parse(put.Body));
        _cloud.Server.RequestsTo("GET", Root).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_nova_offering_only_2_52_When_disabling_and_enabling_Then_the_host_binary_forms_are_sent()
    {
        _cloud.ServeComputeVersion("2.52");
        _cloud.On("PUT", Root + "/os-services/disable-log-reason", _ => Reply.Json(
            """{"service": {"binary": "nova-compute", "disabled_reason": "uplift", "host": "cmp1", "status": "disabled"}}"""));
        _cloud.On("PUT", Root + "/os-services/enable", _ => Reply.Json(
            """{"service": {"binary": "nova-compute", "host": "cmp1", "status": "enabled"}}"""));
        using var session = _cloud.Session();
        var compute = new ComputeClient(session);
        var service = new NovaService("3", "nova-compute", "cmp1", ServiceStatus.Enabled);

        (await compute.DisableAsync(service, "uplift")).Status.ShouldBe(ServiceStatus.Disabled);
        (await compute.EnableAsync(service)).Status.ShouldBe(ServiceStatus.Enabled);

        var disable = _cloud.Server.RequestsTo("PUT", Root + "/os-services/disable-log-reason").ShouldHaveSingleItem();
        disable.Header("OpenStack-API-Version").ShouldBeNull();
        JsonAssert.Equal("""{"host": "cmp1", "binary": "nova-compute", "disabled_reason": "uplift"}""", JsonNode.Parse(disable.Body));
        _cloud.Server.RequestsTo("PUT", Root + "/os-services/enable").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_no_version_document_but_a_version_header_When_discovering_Then_the_header_gives_the_maximum()
    {
        _cloud.On("GET", Root, _ => new Reply(200, "{}", new Dictionary<string, string> { ["OpenStack-API-Version"] = "compute 2.60" }));
        using var session = _cloud.Session();

        (await new ComputeClient(session).MaxMicroversionAsync()).ShouldBe(new Microversion(2, 60));
        _cloud.Server.RequestsTo("GET", Root).Single().Header("OpenStack-API-Version").ShouldBe("compute latest");
    }

    [Fact]
    public async Task Given_an_endpoint_without_version_document_When_discovering_Then_the_2_1_forms_are_used()
    {
        using var session = _cloud.Session(); // GET /compute/v2.1 answers 404

        (await new ComputeClient(session).MaxMicroversionAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Given_a_host_name_When_finding_its_compute_service_Then_a_missing_one_is_a_clear_error()
    {
        _cloud.ServeComputeVersion("2.79");
        _cloud.On("GET", Root + "/os-services", request => Reply.Json(request.Query.Contains("host=host1")
            ? Fixtures.ReadShared("openstack-api/nova/os-services_v2.53_services-list-get-resp.json")
            : """{"services": []}"""));
        using var session = _cloud.Session();
        var compute = new ComputeClient(session);

        (await compute.ComputeServiceAsync("host1")).Id.ShouldBe("e81d66a4-ddd3-4aba-8a84-171d1cb4d339");
        (await Should.ThrowAsync<OpenStackApiException>(() => compute.ComputeServiceAsync("cmp9")))
            .Message.ShouldContain("nova has no nova-compute service on host 'cmp9'");
    }

    [Fact]
    public async Task Given_a_host_with_two_pages_of_instances_When_listing_Then_all_pages_are_read_for_all_projects()
    {
        _cloud.On("GET", Root + "/servers/detail", request => request.Query.Contains("marker=a2")
            ? Reply.Json("""{"servers": [{"id": "a3", "status": "ACTIVE", "OS-EXT-SRV-ATTR:host": "cmp1"}]}""")
            : Reply.Json("""
                {"servers": [{"id": "a1", "status": "ACTIVE", "OS-EXT-SRV-ATTR:host": "cmp1"}, {"id": "a2", "status": "SHUTOFF", "OS-EXT-SRV-ATTR:host": "cmp1"}],
                 "servers_links": [{"rel": "next", "href": "http://nova/v2.1/servers/detail?all_tenants=1&host=cmp1&marker=a2"}]}
                """));
        using var session = _cloud.Session();

        var servers = await new ComputeClient(session).ServersOnHostAsync("cmp1");

        servers.Select(s => s.Id).ShouldBe(["a1", "a2", "a3"]);
        _cloud.Server.RequestsTo("GET", Root + "/servers/detail").Select(r => r.Query)
            .ShouldBe(["?all_tenants=1&host=cmp1", "?all_tenants=1&host=cmp1&marker=a2"]);
    }

    public ValueTask DisposeAsync() => _cloud.DisposeAsync();
}
