namespace Uplift.Haproxy;

/// <summary>
/// The commands Uplift sends, built from checked names (<see cref="HaproxyName"/>) with how each reply is read. Names are
/// matched exactly in listings: asking for ctl1 never finds ctl10.
/// </summary>
internal static class AdminCommands
{
    public static AdminCommand<IReadOnlyList<string>> Backends() => new("show backend", null, null, false, (_, reply) => ShowBackend.Parse(reply));

    /// <summary>show servers state BE: the servers of one backend, in configuration order.</summary>
    public static AdminCommand<IReadOnlyList<ServerState>> Servers(string backend)
    {
        var text = $"show servers state {HaproxyName.Check(backend, "backend")}";
        return new(text, backend, null, false, (location, reply) =>
        {
            var all = ShowServersState.Parse(reply);
            // HAProxy also reads a backend argument as a numeric id: keep only lines of that exact name.
            var servers = all.Where(s => s.Backend == backend).ToList();
            return all.Count > 0 && servers.Count == 0
                ? throw new UnknownBackendException(location, text, $"(the reply is about backend '{all[0].Backend}')", backend)
                : servers;
        });
    }

    /// <summary>One server's line of show servers state BE.</summary>
    public static AdminCommand<ServerState> Server(string backend, string server)
    {
        HaproxyName.Check(server, "server");
        return (Servers(backend) with { Server = server }).Then(servers => servers.FirstOrDefault(s => s.Name == server));
    }

    /// <summary>show stat, whole (null) or for one backend (show stat BE -1 -1): its frontend part, servers and BACKEND line.</summary>
    public static AdminCommand<IReadOnlyList<StatRow>> Stat(string? backend)
    {
        if (backend is null)
        {
            return new("show stat", null, null, false, (_, reply) => ShowStat.Parse(reply));
        }
        var text = $"show stat {HaproxyName.Check(backend, "backend")} -1 -1";
        return new(text, backend, null, false, (location, reply) =>
        {
            var mine = ShowStat.Parse(reply).Where(r => r.Proxy == backend).ToList();
            return mine.Count == 0 ? throw new UnknownBackendException(location, text, "(no line for this backend in the reply)", backend) : mine;
        });
    }

    /// <summary>The show stat line of one server (show stat BE 4 -1: servers only).</summary>
    public static AdminCommand<StatRow> ServerStat(string backend, string server)
    {
        var text = $"show stat {HaproxyName.Check(backend, "backend")} 4 -1";
        HaproxyName.Check(server, "server");
        return new(text, backend, server, false,
            (_, reply) => ShowStat.Parse(reply).FirstOrDefault(r => r.Proxy == backend && r.Service == server));
    }

    public static AdminCommand<IReadOnlyList<ServerConnections>> ServersConn(string? backend) => new(
        backend is null ? "show servers conn" : $"show servers conn {HaproxyName.Check(backend, "backend")}",
        backend, null, false, (_, reply) => ShowServersConn.Parse(reply));

    /// <summary>set server BE/SRV state ready|drain|maint.</summary>
    public static AdminCommand<string> SetState(string backend, string server, ServerMode mode)
    {
        var state = mode switch
        {
            ServerMode.Ready => "ready",
            ServerMode.Drain => "drain",
            ServerMode.Maintenance => "maint",
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
        };
        return Action($"set server {Target(backend, server)} state {state}", backend, server);
    }

    /// <summary>enable server BE/SRV: clears forced maintenance only (a drain stays).</summary>
    public static AdminCommand<string> Enable(string backend, string server) => Action($"enable server {Target(backend, server)}", backend, server);

    /// <summary>disable server BE/SRV: forced maintenance.</summary>
    public static AdminCommand<string> Disable(string backend, string server) => Action($"disable server {Target(backend, server)}", backend, server);

    /// <summary>get weight BE/SRV: read-only, so HAProxy can judge a server name with its own words.</summary>
    public static AdminCommand<string> Weight(string backend, string server) =>
        new($"get weight {Target(backend, server)}", backend, server, false, (_, reply) => reply);

    private static AdminCommand<string> Action(string text, string backend, string server) => new(text, backend, server, true, (_, reply) => reply);

    private static string Target(string backend, string server) =>
        $"{HaproxyName.Check(backend, "backend")}/{HaproxyName.Check(server, "server")}";
}
