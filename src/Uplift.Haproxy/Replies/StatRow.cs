namespace Uplift.Haproxy;

/// <summary>
/// One line of <c>show stat</c>: a frontend, a backend or one of its servers, with every column by name.
/// Status values (haproxy src/stats.c srv_hlt_st): UP, "UP 1/3" (going down), DOWN, "DOWN 1/2" (going up),
/// NOLB, DRAIN, "DRAIN (agent)", MAINT, "MAINT (via …)", "no check"; OPEN for frontends.
/// </summary>
/// <param name="Proxy">pxname: the frontend or backend.</param>
/// <param name="Service">svname: the server name, or FRONTEND / BACKEND.</param>
/// <param name="QueueCurrent">qcur: requests queued for this server; null where it does not apply.</param>
/// <param name="SessionsCurrent">scur: sessions open on this server now.</param>
public sealed record StatRow(
    string Proxy,
    string Service,
    long? QueueCurrent,
    long? SessionsCurrent,
    string Status,
    IReadOnlyDictionary<string, string> Fields)
{
    public bool IsServer => Service is not ("FRONTEND" or "BACKEND");

    /// <summary>addr: the server's address as ip:port (empty for frontends and backends).</summary>
    public string Address => Haproxy.Fields.Text(Fields, "addr");

    public string CheckStatus => Haproxy.Fields.Text(Fields, "check_status");

    public long? Weight => Haproxy.Fields.Number(Fields, "weight");

    /// <summary>Nothing in flight: no open session and nothing queued (scur + qcur == 0).</summary>
    public bool IsIdle => (SessionsCurrent ?? 0) + (QueueCurrent ?? 0) == 0;

    /// <summary>
    /// HAProxy sends it no new request: DRAIN (admin or agent drain), MAINT, or DOWN. A drained server that fails
    /// its checks shows DOWN, not DRAIN (src/stats.c shows DRAIN only for running servers), and takes no traffic either.
    /// </summary>
    public bool TakesNoNewTraffic =>
        Status.StartsWith("DRAIN", StringComparison.Ordinal) || Status.StartsWith("MAINT", StringComparison.Ordinal)
        || Status.StartsWith("DOWN", StringComparison.Ordinal);

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;
}
