namespace Uplift.Haproxy;

/// <summary>
/// The operations Uplift needs from HAProxy's runtime API, one command per connection, every reply checked
/// (errors become typed <see cref="HaproxyException"/>s carrying HAProxy's exact text) and parsed by header name.
/// Names are matched exactly: asking for ctl1 never touches ctl10.
/// </summary>
public sealed class HaproxyClient(IAdminSocket socket)
{
    public string Location => socket.Location;

    public Task<IReadOnlyList<string>> ListBackendsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("show backend", ShowBackend.Parse, null, null, cancellationToken);

    /// <summary>The servers of one backend (show servers state BE), in configuration order.</summary>
    public Task<IReadOnlyList<ServerState>> ListServersAsync(string backend, CancellationToken cancellationToken = default) =>
        WithKnownNamesAsync(async () =>
        {
            var command = $"show servers state {HaproxyName.Check(backend, "backend")}";
            var all = await QueryAsync(command, ShowServersState.Parse, backend, null, cancellationToken);
            // HAProxy also reads a backend argument as a numeric id: keep only lines of that exact name.
            var servers = all.Where(s => s.Backend == backend).ToList();
            return all.Count > 0 && servers.Count == 0
                ? throw new UnknownBackendException(Location, command, $"(the reply is about backend '{all[0].Backend}')", backend)
                : (IReadOnlyList<ServerState>)servers;
        }, cancellationToken);

    /// <summary>One server's state, found by exact name.</summary>
    public async Task<ServerState> GetServerAsync(string backend, string server, CancellationToken cancellationToken = default)
    {
        var servers = await ListServersAsync(backend, cancellationToken);
        return servers.FirstOrDefault(s => s.Name == server)
            ?? await UnknownServerAsync<ServerState>(backend, server, cancellationToken);
    }

    /// <summary>show stat, whole (null) or for one backend: its frontend part, servers and BACKEND line.</summary>
    public Task<IReadOnlyList<StatRow>> ShowStatAsync(string? backend = null, CancellationToken cancellationToken = default) =>
        WithKnownNamesAsync(async () =>
        {
            if (backend is null)
            {
                return await QueryAsync("show stat", ShowStat.Parse, null, null, cancellationToken);
            }
            var command = $"show stat {HaproxyName.Check(backend, "backend")} -1 -1";
            var rows = await QueryAsync(command, ShowStat.Parse, backend, null, cancellationToken);
            var mine = rows.Where(r => r.Proxy == backend).ToList();
            return mine.Count == 0
                ? throw new UnknownBackendException(Location, command, "(no line for this backend in the reply)", backend)
                : (IReadOnlyList<StatRow>)mine;
        }, cancellationToken);

    /// <summary>The show stat line of one server (show stat BE 4 -1: servers only).</summary>
    public async Task<StatRow> GetServerStatAsync(string backend, string server, CancellationToken cancellationToken = default)
    {
        var command = $"show stat {HaproxyName.Check(backend, "backend")} 4 -1";
        HaproxyName.Check(server, "server");
        var rows = await WithKnownNamesAsync(() => QueryAsync(command, ShowStat.Parse, backend, server, cancellationToken), cancellationToken);
        return rows.FirstOrDefault(r => r.Proxy == backend && r.Service == server)
            ?? await UnknownServerAsync<StatRow>(backend, server, cancellationToken);
    }

    public Task<IReadOnlyList<ServerConnections>> ShowServersConnAsync(string? backend = null, CancellationToken cancellationToken = default) =>
        WithKnownNamesAsync(() => QueryAsync(
            backend is null ? "show servers conn" : $"show servers conn {HaproxyName.Check(backend, "backend")}",
            ShowServersConn.Parse, backend, null, cancellationToken), cancellationToken);

    /// <summary>set server BE/SRV state ready|drain|maint.</summary>
    public Task SetStateAsync(string backend, string server, ServerMode mode, CancellationToken cancellationToken = default)
    {
        var state = mode switch
        {
            ServerMode.Ready => "ready",
            ServerMode.Drain => "drain",
            ServerMode.Maintenance => "maint",
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
        };
        return ActAsync($"set server {Target(backend, server)} state {state}", backend, server, cancellationToken);
    }

    /// <summary>enable server BE/SRV: clears forced maintenance only (a drain stays).</summary>
    public Task EnableServerAsync(string backend, string server, CancellationToken cancellationToken = default) =>
        ActAsync($"enable server {Target(backend, server)}", backend, server, cancellationToken);

    /// <summary>disable server BE/SRV: forced maintenance.</summary>
    public Task DisableServerAsync(string backend, string server, CancellationToken cancellationToken = default) =>
        ActAsync($"disable server {Target(backend, server)}", backend, server, cancellationToken);

    private static string Target(string backend, string server) =>
        $"{HaproxyName.Check(backend, "backend")}/{HaproxyName.Check(server, "server")}";

    private Task ActAsync(string command, string backend, string server, CancellationToken cancellationToken) =>
        WithKnownNamesAsync(async () =>
        {
            var reply = await socket.SendAsync(command, cancellationToken);
            return AdminReply.Check(Location, command, reply, backend, server, isAction: true);
        }, cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string command, Func<string, IReadOnlyList<T>> parse, string? backend,
        string? server, CancellationToken cancellationToken)
    {
        var reply = AdminReply.Check(Location, command, await socket.SendAsync(command, cancellationToken), backend, server);
        try
        {
            return parse(reply);
        }
        catch (FormatException problem)
        {
            throw new UnexpectedReplyException(Location, command, problem.Message, reply);
        }
    }

    /// <summary>
    /// A server missing from a listing: let HAProxy itself judge the name (get weight BE/SRV is read-only), so
    /// the error carries its own text; a server that appeared meanwhile is reported without one.
    /// </summary>
    private async Task<T> UnknownServerAsync<T>(string backend, string server, CancellationToken cancellationToken)
    {
        var command = $"get weight {Target(backend, server)}";
        await WithKnownNamesAsync(async () => AdminReply.Check(Location, command,
            await socket.SendAsync(command, cancellationToken), backend, server), cancellationToken);
        throw new UnknownServerException(Location, command, "(the server appeared while it was looked up; retry)", backend, server);
    }

    /// <summary>Adds the valid names to unknown-backend and unknown-server errors, so the operator sees the choices.</summary>
    private async Task<T> WithKnownNamesAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (UnknownBackendException unknown) when (unknown.KnownBackends is null)
        {
            var known = await ListBackendsAsync(cancellationToken);
            throw new UnknownBackendException(unknown.Location, unknown.Command, unknown.HaproxyText!, unknown.Backend!, known);
        }
        catch (UnknownServerException unknown) when (unknown.KnownServers is null)
        {
            var known = (await ListServersAsync(unknown.Backend!, cancellationToken)).Select(s => s.Name).ToList();
            throw new UnknownServerException(unknown.Location, unknown.Command, unknown.HaproxyText!, unknown.Backend!, unknown.Server!, known);
        }
    }
}
