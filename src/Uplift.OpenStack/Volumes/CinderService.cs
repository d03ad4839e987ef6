namespace Uplift.OpenStack;

/// <summary>
/// A cinder service record (os-services). Cinder names services by host and binary (no id); volume services
/// are "host@backend". <see cref="BackendState"/> (3.49+) says whether a volume backend is up.
/// </summary>
public sealed record CinderService(
    string Binary,
    string Host,
    ServiceStatus Status,
    ServiceState State = ServiceState.Unknown,
    string? Zone = null,
    string? DisabledReason = null,
    DateTimeOffset? UpdatedAt = null,
    string? Cluster = null,
    bool? Frozen = null,
    string? ReplicationStatus = null,
    string? BackendState = null) : IServiceRecord;
