namespace Uplift.OpenStack;

/// <summary>Whether the scheduler may use a service (nova/cinder "status"). Unknown: nova could not read it (a down cell, v2.69+).</summary>
public enum ServiceStatus
{
    Unknown,
    Enabled,
    Disabled,
}
