namespace Uplift.OpenStack;

/// <summary>Whether a service reports in (nova/cinder "state", from its heartbeat). Unknown when the answer omits it.</summary>
public enum ServiceState
{
    Unknown,
    Up,
    Down,
}
