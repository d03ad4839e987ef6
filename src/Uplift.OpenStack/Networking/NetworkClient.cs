namespace Uplift.OpenStack;

/// <summary>Neutron calls Uplift makes, over a session.</summary>
public sealed class NetworkClient(OpenStackSession session)
{
    public async Task<IReadOnlyList<NeutronAgent>> AgentsAsync(string? host = null, string? binary = null, CancellationToken cancellation = default) =>
        await session.SendAsync(OpenStackService.Network, NeutronRequests.ListAgents(host, binary), NeutronAgents.ParseList, cancellation).ConfigureAwait(false);

    public async Task<NeutronAgent> SetAdminStateAsync(string agentId, bool adminStateUp, CancellationToken cancellation = default) =>
        await session.SendAsync(OpenStackService.Network, NeutronRequests.UpdateAgent(agentId, adminStateUp), NeutronAgents.ParseOne, cancellation).ConfigureAwait(false);
}
