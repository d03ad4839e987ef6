namespace Uplift.OpenStack;

/// <summary>A hypervisor with the instances nova places on it (os-hypervisors with_servers, 2.53+).</summary>
public sealed record Hypervisor(string? Id, string HypervisorHostname, ServiceState State, ServiceStatus Status, IReadOnlyList<HypervisorServer> Servers);
