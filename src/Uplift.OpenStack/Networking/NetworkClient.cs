namespace Uplift.OpenStack;

/// <summary>Neutron calls Uplift makes, over a session.</summary>
public sealed class NetworkClient(OpenStackSession session)
{
    public async Task<IReadOnlyList<NeutronAgent>> AgentsAsync(string? host = null, string? binary = null, CancellationToken cancellation = default)
    {
        var response = await session.SendAsync(OpenStackService.Network, NeutronRequests.ListAgents(host, binary), cancellation).ConfigureAwait(false);
        return NeutronAgents.ParseList(response.Body);
    }

    public async Task<NeutronAgent> SetAdminStateAsync(string agentId, bool adminStateUp, CancellationToken cancellation = default)
    {
        var response = await session.SendAsync(OpenStackService.Network, NeutronRequests.UpdateAgent(agentId, adminStateUp), cancellation).ConfigureAwait(false);
        return NeutronAgents.ParseOne(response.Body);
    }
}
