namespace Uplift.Haproxy;

/// <summary>
/// srv_admin_state of <c>show servers state</c>: a bitmask (haproxy doc/management.txt, SRV_ADMF_* in
/// include/haproxy/server-t.h). Any *MAINT bit takes the server out of service; a DRAIN bit stops new traffic
/// but lets sessions in flight finish.
/// </summary>
[Flags]
public enum ServerAdminState
{
    None = 0,

    /// <summary>FMAINT: forced into maintenance (set server … state maint, disable server).</summary>
    ForcedMaintenance = 0x01,

    /// <summary>IMAINT: maintenance inherited from a tracked server.</summary>
    InheritedMaintenance = 0x02,

    /// <summary>CMAINT: in maintenance by configuration ('disabled' on the server line).</summary>
    ConfiguredMaintenance = 0x04,

    /// <summary>FDRAIN: forced into drain (set server … state drain).</summary>
    ForcedDrain = 0x08,

    /// <summary>IDRAIN: drain inherited from a tracked server.</summary>
    InheritedDrain = 0x10,

    /// <summary>RMAINT: maintenance because its address could not be resolved.</summary>
    ResolutionMaintenance = 0x20,

    /// <summary>HMAINT: its FQDN was set from the stats socket.</summary>
    FqdnFromSocket = 0x40,
}
