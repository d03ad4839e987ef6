using System.Net;
using System.Text.Json.Nodes;
using Uplift.Execution;
using Uplift.Inventory;
using Uplift.Lab;
using Uplift.OpenStack;
using Uplift.Testing;
using Uplift.Upgrade.Steps.Compute;

namespace Uplift.Tests;

/// <summary>
/// The lab's neutron-server lists the agents of the lab's nodes (one per agent unit the catalog puts on a node) with the
/// fields of neutron-lib's sample, Uplift's client reads them, and an agent whose unit is stopped (systemctl over SSH)
/// is not alive: Uplift's services-up check then fails naming it and its host.
/// </summary>
[Collection("lab")]
public sealed class LabNetworkAgentsTests(LabFixture lab) : IDisposable
{
    private const string Ovs = "neutron-openvswitch-agent";

    private readonly ComputeCloud _cloud = ComputeApiTests.CloudOf(lab);

    private static JsonArray Sample => JsonNode.Parse(Fixtures.ReadShared("openstack-api/neutron/agents_agents-list-response.json"))!["agents"]!.AsArray();

    [Fact]
    public async Task Given_the_lab_up_When_the_agents_are_listed_Then_each_agent_unit_is_an_alive_agent_shaped_like_neutron_s_sample()
    {
        var expected = ServicesUpCheck.Units(lab, "neutron", u => u.EndsWith("-agent", StringComparison.Ordinal));
        var samples = Sample.ToDictionary(a => a!["binary"]!.GetValue<string>(), a => a!.AsObject());

        var answer = (await _cloud.Session.SendAsync(OpenStackService.Network, NeutronRequests.ListAgents())).Body;
        var agents = NeutronAgents.ParseList(answer);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var anonymous = await http.GetAsync(new Uri($"http://{LabLayout.VipAddress}:9696/v2.0/agents"));

        agents.Select(a => (a.Host, a.Binary)).ShouldBe(expected, ignoreOrder: true);
        agents.ShouldAllBe(a => a.Alive && a.AdminStateUp && a.HeartbeatAt != null);
        agents.Select(a => a.Id).Distinct().Count().ShouldBe(agents.Count);
        foreach (var agent in JsonNode.Parse(answer)!["agents"]!.AsArray().Select(a => a!.AsObject()))
        {
            var sample = samples[agent["binary"]!.GetValue<string>()];
            agent.Select(p => p.Key).ShouldBe(sample.Select(p => p.Key), ignoreOrder: true);
            (agent["agent_type"]!.GetValue<string>(), agent["topic"]!.GetValue<string>()).ShouldBe(
                (sample["agent_type"]!.GetValue<string>(), sample["topic"]!.GetValue<string>()));
            (agent["availability_zone"] is null).ShouldBe(sample["availability_zone"] is null, agent.ToJsonString());
            agent["id"]!.GetValue<string>().ShouldBe(agent["id"]!.GetValue<string>().Trim());
            Guid.TryParse(agent["id"]!.GetValue<string>(), out _).ShouldBeTrue();
            DateTime.TryParse(agent["started_at"]!.GetValue<string>(), out _).ShouldBeTrue();
        }
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.GetValues("X-Uplift-Lab").Single().ShouldContain("not OpenStack");
    }

    [Fact]
    public async Task Given_a_host_and_binary_When_the_agents_are_filtered_and_one_is_set_admin_down_Then_only_it_answers_and_its_state_is_kept()
    {
        var client = new NetworkClient(_cloud.Session);
        var network = ServicesUpCheck.FirstOf(lab, Role.Network);

        var l3 = (await client.AgentsAsync(host: network, binary: "neutron-l3-agent")).Single();
        var down = await client.SetAdminStateAsync(l3.Id, adminStateUp: false);
        var listed = (await client.AgentsAsync(host: network, binary: "neutron-l3-agent")).Single();
        var up = await client.SetAdminStateAsync(l3.Id, adminStateUp: true);
        var onNetwork = await client.AgentsAsync(host: network);

        (l3.Host, l3.AgentType, l3.Alive).ShouldBe((network, "L3 agent", true));
        (down.Id, down.AdminStateUp, listed.AdminStateUp, up.AdminStateUp).ShouldBe((l3.Id, false, false, true));
        onNetwork.Select(a => a.Binary).ShouldBe(ServicesUpCheck.Units(lab, "neutron", u => u.EndsWith("-agent", StringComparison.Ordinal))
            .Where(u => u.Node == network).Select(u => u.Unit), ignoreOrder: true);
    }

    [Fact]
    public async Task Given_neutron_s_other_filters_When_agents_are_listed_by_type_and_liveness_Then_they_select_as_neutron_s_and_an_unknown_one_is_refused()
    {
        var network = ServicesUpCheck.FirstOf(lab, Role.Network);
        var compute = ServicesUpCheck.FirstOf(lab, Role.Compute);
        await lab.SucceedAsync(compute, $"systemctl stop {Ovs}");
        try
        {
            var l3 = NeutronAgents.ParseList(await ListAsync("?agent_type=L3+agent"));
            var either = NeutronAgents.ParseList(await ListAsync("?binary=neutron-l3-agent&binary=neutron-dhcp-agent"));
            var dead = NeutronAgents.ParseList(await ListAsync("?alive=false"));
            var refused = await Should.ThrowAsync<OpenStackApiException>(() => ListAsync("?colour=blue"));

            l3.Select(a => (a.Host, a.Binary)).ShouldBe([(network, "neutron-l3-agent")]);
            either.Select(a => a.Binary).ShouldBe(["neutron-dhcp-agent", "neutron-l3-agent"], ignoreOrder: true);
            dead.Select(a => (a.Host, a.Binary, a.Alive)).ShouldBe([(compute, Ovs, false)]);
            (refused.Status, refused.Message.Contains("[colour] is invalid attribute for filtering", StringComparison.Ordinal)).ShouldBe((HttpStatusCode.BadRequest, true));
        }
        finally
        {
            await lab.SucceedAsync(compute, $"systemctl start {Ovs}");
        }
    }

    [Fact]
    public async Task Given_a_compute_s_openvswitch_agent_stopped_When_services_up_runs_Then_the_agent_is_not_alive_and_the_check_fails_naming_it_and_its_host()
    {
        var compute = ServicesUpCheck.FirstOf(lab, Role.Compute);
        var client = new NetworkClient(_cloud.Session);
        var before = await ServicesUpCheck.RunAsync(_cloud);
        var agents = await client.AgentsAsync();
        await lab.SucceedAsync(compute, $"systemctl stop {Ovs}");
        try
        {
            var stopped = (await client.AgentsAsync(host: compute, binary: Ovs)).Single();
            var failure = await Should.ThrowAsync<StepFailedException>(() => ServicesUpCheck.RunAsync(_cloud));

            before.ShouldContain(r => r.Contains($", {agents.Count} neutron agents,", StringComparison.Ordinal) && r.EndsWith(" up", StringComparison.Ordinal));
            stopped.Alive.ShouldBeFalse();
            failure.Message.ShouldContain($"1 service(s) not healthy: neutron Open vSwitch agent ({Ovs}) on {compute}: not alive");
        }
        finally
        {
            await lab.SucceedAsync(compute, $"systemctl start {Ovs}");
        }
        (await client.AgentsAsync(host: compute, binary: Ovs)).Single().Alive.ShouldBeTrue();
    }

    public void Dispose() => _cloud.Dispose();

    private async Task<string> ListAsync(string query) =>
        (await _cloud.Session.SendAsync(OpenStackService.Network, new ApiRequest(HttpMethod.Get, "/v2.0/agents" + query))).Body;
}
