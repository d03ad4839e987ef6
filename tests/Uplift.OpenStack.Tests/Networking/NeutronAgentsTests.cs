using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class NeutronAgentsTests
{
    [Fact]
    public void Given_the_upstream_list_When_parsed_Then_all_agents_are_read_and_the_padded_id_is_trimmed()
    {
        var agents = NeutronAgents.ParseList(Fixtures.ReadShared("openstack-api/neutron/agents_agents-list-response.json"));

        agents.Select(a => a.AgentType).ShouldBe(["Open vSwitch agent", "DHCP agent", "L3 agent", "Metadata agent"]);
        // Upstream's sample has " 04c62b91-…" (leading space); Uplift trims ids so they can go back into a URL.
        agents[0].Id.ShouldBe("04c62b91-b799-48b7-9cd5-2982db6df9c6");
        agents.ShouldAllBe(a => a.Alive && a.AdminStateUp && a.Host == "agenthost1");
        agents[1].ShouldBe(new NeutronAgent("840d5d68-5759-4e9e-812f-f3bd19214c7f", "DHCP agent", "neutron-dhcp-agent", "agenthost1",
            true, true, "nova", null, new DateTimeOffset(2017, 9, 12, 19, 39, 56, TimeSpan.Zero)));
    }

    [Fact]
    public void Given_the_upstream_update_answer_When_parsed_Then_the_agent_has_its_new_description()
    {
        var agent = NeutronAgents.ParseOne(Fixtures.ReadShared("openstack-api/neutron/agents_agent-update-response.json"));

        agent.Id.ShouldBe("04c62b91-b799-48b7-9cd5-2982db6df9c6");
        agent.Description.ShouldBe("My OVS agent for OpenStack");
        agent.Binary.ShouldBe("neutron-openvswitch-agent");
    }

    [Fact]
    public void Given_an_agent_that_stopped_reporting_When_parsed_Then_it_is_not_alive()
    {
        var agent = NeutronAgents.ParseList("""{"agents": [{"id": "a", "agent_type": "L3 agent", "binary": "neutron-l3-agent", "host": "net1", "alive": false, "admin_state_up": false}]}""")[0];

        agent.Alive.ShouldBeFalse();
        agent.AdminStateUp.ShouldBeFalse();
    }

    [Fact]
    public void Given_a_description_When_building_the_update_Then_the_body_is_the_upstream_sample()
    {
        var request = NeutronRequests.UpdateAgent(" 04c62b91-b799-48b7-9cd5-2982db6df9c6", description: "My OVS agent for OpenStack");

        request.Method.ShouldBe(HttpMethod.Put);
        request.Path.ShouldBe("/v2.0/agents/04c62b91-b799-48b7-9cd5-2982db6df9c6");
        JsonAssert.Equal(Fixtures.ReadShared("openstack-api/neutron/agents_agent-update-request.json"), request.Body);
    }

    [Fact]
    public void Given_admin_state_down_When_building_the_update_Then_only_admin_state_up_false_is_sent()
    {
        JsonAssert.Equal("""{"agent": {"admin_state_up": false}}""", NeutronRequests.UpdateAgent("a1", adminStateUp: false).Body);
        NeutronRequests.ListAgents(host: "net1").Path.ShouldBe("/v2.0/agents?host=net1");
    }
}
