using System.Text.Json.Nodes;
using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

/// <summary>Neutron and cinder clients against a real local HTTP server.</summary>
public sealed class NetworkAndVolumeHttpTests : IAsyncDisposable
{
    private readonly ScriptedCloud _cloud = new(new TestClock { EndsWaitsAtOnce = true });

    [Fact]
    public async Task Given_neutron_When_listing_and_taking_an_agent_down_Then_the_trimmed_id_is_used_in_the_url()
    {
        _cloud.On("GET", "/network/v2.0/agents", _ => Reply.Json(Fixtures.ReadShared("openstack-api/neutron/agents_agents-list-response.json")));
        _cloud.On("PUT", "/network/v2.0/agents/04c62b91-b799-48b7-9cd5-2982db6df9c6",
            request => Reply.Json(Fixtures.ReadShared("openstack-api/neutron/agents_agent-update-response.json")));
        using var session = _cloud.Session();
        var network = new NetworkClient(session);

        var agents = await network.AgentsAsync(host: "agenthost1");
        await network.SetAdminStateAsync(agents[0].Id, adminStateUp: false);

        _cloud.Server.RequestsTo("GET", "/network/v2.0/agents").Single().Query.ShouldBe("?host=agenthost1");
        var put = _cloud.Server.RequestsTo("PUT", "/network/v2.0/agents/04c62b91-b799-48b7-9cd5-2982db6df9c6").ShouldHaveSingleItem();
        JsonAssert.Equal("""{"agent": {"admin_state_up": false}}""", JsonNode.Parse(put.Body));
    }

    [Fact]
    public async Task Given_a_neutron_error_When_updating_Then_neutrons_message_is_shown()
    {
        _cloud.On("PUT", "/network/v2.0/agents/nope", _ => Reply.Json(
            """{"NeutronError": {"type": "AgentNotFound", "message": "Agent nope could not be found.", "detail": ""}}""", 404));
        using var session = _cloud.Session();

        var error = await Should.ThrowAsync<OpenStackApiException>(() => new NetworkClient(session).SetAdminStateAsync("nope", true));

        error.Message.ShouldBe("neutron PUT /v2.0/agents/nope failed: 404 Not Found: Agent nope could not be found.");
    }

    [Fact]
    public async Task Given_cinder_When_listing_disabling_and_enabling_Then_the_volumev3_endpoint_is_used()
    {
        _cloud.On("GET", "/volume/v3/p1/os-services", _ => Reply.Json(Fixtures.ReadShared("openstack-api/cinder/v3_services-list-response.json")));
        _cloud.On("PUT", "/volume/v3/p1/os-services/disable-log-reason", _ => Reply.Json(Fixtures.ReadShared("openstack-api/cinder/v3_services-disable-log-response.json")));
        _cloud.On("PUT", "/volume/v3/p1/os-services/enable", _ => Reply.Json(
            """{"disabled": false, "status": "enabled", "host": "devstack@lvmdriver-1", "service": "", "binary": "cinder-volume"}"""));
        using var session = _cloud.Session();
        var volumes = new BlockStorageClient(session);

        (await volumes.ServicesAsync()).Count.ShouldBe(3);
        (await volumes.DisableAsync("devstack@lvmdriver-1", "cinder-volume", "test")).Status.ShouldBe(ServiceStatus.Disabled);
        (await volumes.EnableAsync("devstack@lvmdriver-1", "cinder-volume")).Status.ShouldBe(ServiceStatus.Enabled);

        var disable = _cloud.Server.RequestsTo("PUT", "/volume/v3/p1/os-services/disable-log-reason").ShouldHaveSingleItem();
        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/cinder/v3_services-disable-log-request.json"), JsonNode.Parse(disable.Body));
    }

    public ValueTask DisposeAsync() => _cloud.DisposeAsync();
}
