namespace Uplift.Inventory;

/// <summary>How many nodes each kind of work touches at once, and the pacing between neutron agents.</summary>
/// <param name="Prepare">Nodes prepared at once (puppet off, APT sources, dependencies). The seed uses 24.</param>
/// <param name="Controllers">Non-VIP controllers upgraded at once for a service.</param>
/// <param name="ComputeBatch">Computes upgraded at once inside an availability zone (after the canary).</param>
/// <param name="NeutronAgents">Nodes whose neutron agents restart at once.</param>
/// <param name="NeutronAgentPauseSeconds">Pause after each neutron agent restart (30 s in the seed).</param>
/// <param name="ComputeMaxFailPercent">A compute batch stops when more than this share of its nodes failed.</param>
public sealed record ConcurrencySettings(
    int Prepare = 24,
    int Controllers = 8,
    int ComputeBatch = 10,
    int NeutronAgents = 1,
    int NeutronAgentPauseSeconds = 30,
    int ComputeMaxFailPercent = 0);
