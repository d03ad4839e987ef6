namespace Uplift.OpenStack;

/// <summary>
/// An instance as nova reports it: <see cref="Status"/> (ACTIVE, MIGRATING, ERROR …), the compute host it runs
/// on (OS-EXT-SRV-ATTR:host, admin only) and its task state (e.g. "migrating", null when idle).
/// </summary>
public sealed record Server(
    string Id,
    string? Name,
    string Status,
    string? Host = null,
    string? HypervisorHostname = null,
    string? TaskState = null,
    string? VmState = null,
    string? ProjectId = null);
