namespace Uplift.OpenStack;

/// <summary>
/// The fields nova and cinder os-services records share (both APIs describe a service by binary and host, with
/// the same "status" and "state" words), so health checks read either kind the same way.
/// </summary>
public interface IServiceRecord
{
    string Binary { get; }

    string Host { get; }

    ServiceStatus Status { get; }

    ServiceState State { get; }

    string? DisabledReason { get; }

    DateTimeOffset? UpdatedAt { get; }
}
