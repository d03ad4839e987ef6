namespace Uplift.OpenStack;

/// <summary>
/// A neutron agent: <see cref="Alive"/> comes from its heartbeat, <see cref="AdminStateUp"/> is the operator's
/// switch (false: neutron schedules no new networks/routers to it). Ids are trimmed (see <see cref="NeutronAgents"/>).
/// </summary>
public sealed record NeutronAgent(
    string Id,
    string AgentType,
    string Binary,
    string Host,
    bool Alive,
    bool AdminStateUp,
    string? AvailabilityZone = null,
    string? Description = null,
    DateTimeOffset? HeartbeatAt = null);
