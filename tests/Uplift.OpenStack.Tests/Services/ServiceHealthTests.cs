using Uplift.OpenStack;
using Uplift.Testing;

namespace Uplift.Tests.OpenStack;

public class ServiceHealthTests
{
    [Fact]
    public void Given_the_upstream_nova_list_When_checked_Then_the_down_services_on_host2_are_problems()
    {
        var nova = NovaServices.ParseList(Fixtures.ReadShared("openstack-api/nova/os-services_v2.53_services-list-get-resp.json"));

        ServiceHealth.Problems(nova).ShouldBe([
            "nova nova-scheduler on host2: down, last report 2012-09-19 06:55:34Z",
            "nova nova-compute on host2: down, last report 2012-09-18 08:03:38Z",
        ]);
        ServiceHealth.Disabled(nova).ShouldBe([
            "nova nova-scheduler on host1: disabled (test1)",
            "nova nova-compute on host1: disabled (test2)",
            "nova nova-compute on host2: disabled (test4)",
        ]);
    }

    [Fact]
    public void Given_a_down_cell_When_checked_Then_each_unknown_service_is_a_problem()
    {
        var nova = NovaServices.ParseList(Fixtures.ReadShared("openstack-api/nova/os-services_v2.69_services-list-get-resp.json"));

        ServiceHealth.Problems(nova).ShouldBe([
            "nova nova-compute on host1: status UNKNOWN, its cell database is unreachable",
            "nova nova-compute on host2: status UNKNOWN, its cell database is unreachable",
        ]);
    }

    [Fact]
    public void Given_a_forced_down_service_and_a_dead_agent_When_checked_Then_both_are_reported()
    {
        var nova = new[] { new NovaService("u1", "nova-compute", "cmp1", ServiceStatus.Enabled, ServiceState.Down, ForcedDown: true) };
        var neutron = new[] { new NeutronAgent("a1", "L3 agent", "neutron-l3-agent", "net1", Alive: false, AdminStateUp: true) };

        ServiceHealth.Problems(nova, neutron).ShouldBe([
            "nova nova-compute on cmp1: forced down (openstack compute service set --up cmp1 nova-compute once it runs)",
            "nova nova-compute on cmp1: down, last report never",
            "neutron L3 agent (neutron-l3-agent) on net1: not alive, last heartbeat never",
        ]);
    }

    [Fact]
    public void Given_healthy_upstream_neutron_and_cinder_lists_When_checked_Then_there_is_no_problem()
    {
        ServiceHealth.Problems(
            neutron: NeutronAgents.ParseList(Fixtures.ReadShared("openstack-api/neutron/agents_agents-list-response.json")),
            cinder: CinderServices.ParseList(Fixtures.ReadShared("openstack-api/cinder/v3_services-list-response.json"))).ShouldBeEmpty();
    }

    [Fact]
    public void Given_the_v3_49_cinder_list_When_checked_Then_every_down_service_is_reported()
    {
        var cinder = CinderServices.ParseList(Fixtures.ReadShared("openstack-api/cinder/v3_os-services_v3.49_services-list-response.json"));

        ServiceHealth.Problems(cinder: cinder).Count.ShouldBe(7);
        ServiceHealth.Problems(cinder: cinder)[6].ShouldBe("cinder cinder-scheduler on host2: down, last report never");
    }
}
