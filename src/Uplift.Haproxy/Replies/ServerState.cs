namespace Uplift.Haproxy;

/// <summary>One server line of <c>show servers state</c>, every column kept by name in <see cref="Fields"/>.</summary>
public sealed record ServerState(
    long? BackendId,
    string Backend,
    long? ServerId,
    string Name,
    string Address,
    int? Port,
    ServerOperationalState OperationalState,
    ServerAdminState AdminState,
    IReadOnlyDictionary<string, string> Fields)
{
    private static readonly (ServerAdminState Flag, string Code)[] Codes =
    [
        (ServerAdminState.ForcedMaintenance, "FMAINT"), (ServerAdminState.InheritedMaintenance, "IMAINT"),
        (ServerAdminState.ConfiguredMaintenance, "CMAINT"), (ServerAdminState.ForcedDrain, "FDRAIN"),
        (ServerAdminState.InheritedDrain, "IDRAIN"), (ServerAdminState.ResolutionMaintenance, "RMAINT"),
        (ServerAdminState.FqdnFromSocket, "HMAINT"),
    ];

    public const ServerAdminState Maintenance = ServerAdminState.ForcedMaintenance | ServerAdminState.InheritedMaintenance
        | ServerAdminState.ConfiguredMaintenance | ServerAdminState.ResolutionMaintenance;

    public const ServerAdminState Drain = ServerAdminState.ForcedDrain | ServerAdminState.InheritedDrain;

    public bool InMaintenance => (AdminState & Maintenance) != 0;

    public bool Draining => (AdminState & Drain) != 0;

    /// <summary>Up for HAProxy's health checks: running, or starting (slowstart: up, taking a growing share of the
    /// traffic). A server without checks is always running. Until then HAProxy sends it nothing, whatever its admin state.</summary>
    public bool SeenUp => OperationalState is ServerOperationalState.Running or ServerOperationalState.Starting;

    /// <summary>The admin state in HAProxy's short codes, e.g. "FMAINT|FDRAIN", or "-" when none is set.</summary>
    public string AdminStateText =>
        AdminState == ServerAdminState.None ? "-" : string.Join('|', Codes.Where(c => AdminState.HasFlag(c.Flag)).Select(c => c.Code));

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;
}
