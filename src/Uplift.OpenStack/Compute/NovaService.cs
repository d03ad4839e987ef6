namespace Uplift.OpenStack;

/// <summary>
/// A nova service record (os-services). <see cref="Id"/> is a UUID at microversion 2.53+, an integer before,
/// and null for a service in a down cell (2.69+), whose <see cref="Status"/> is Unknown and most fields missing.
/// </summary>
public sealed record NovaService(
    string? Id,
    string Binary,
    string Host,
    ServiceStatus Status,
    ServiceState State = ServiceState.Unknown,
    string? Zone = null,
    string? DisabledReason = null,
    bool? ForcedDown = null,
    DateTimeOffset? UpdatedAt = null) : IServiceRecord
{
    /// <summary>True when nova could not reach this service's cell database, so nothing is known of it.</summary>
    public bool InDownCell => Status == ServiceStatus.Unknown;
}
