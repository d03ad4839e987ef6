namespace Uplift.Haproxy;

/// <summary>
/// The operations Uplift needs from HAProxy's runtime API, every reply checked (errors become typed
/// <see cref="HaproxyException"/>s carrying HAProxy's exact text) and parsed by header name. One command per connection,
/// or several in one (<see cref="SendAsync"/>), read the same way. Names are matched exactly: asking for ctl1 never
/// touches ctl10.
/// </summary>
public sealed class HaproxyClient(IAdminSocket socket)
{
    public string Location => socket.Location;

    public Task<IReadOnlyList<string>> ListBackendsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.Backends(), knownNames: false, cancellationToken);

    /// <summary>The servers of one backend (show servers state BE), in configuration order.</summary>
    public Task<IReadOnlyList<ServerState>> ListServersAsync(string backend, CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.Servers(backend), knownNames: true, cancellationToken);

    /// <summary>One server's state, found by exact name.</summary>
    public Task<ServerState> GetServerAsync(string backend, string server, CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.Server(backend, server), knownNames: true, cancellationToken);

    /// <summary>show stat, whole (null) or for one backend: its frontend part, servers and BACKEND line.</summary>
    public Task<IReadOnlyList<StatRow>> ShowStatAsync(string? backend = null, CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.Stat(backend), knownNames: true, cancellationToken);

    /// <summary>The show stat line of one server (show stat BE 4 -1: servers only).</summary>
    public Task<StatRow> GetServerStatAsync(string backend, string server, CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.ServerStat(backend, server), knownNames: true, cancellationToken);

    public Task<IReadOnlyList<ServerConnections>> ShowServersConnAsync(string? backend = null, CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.ServersConn(backend), knownNames: true, cancellationToken);

    /// <summary>set server BE/SRV state ready|drain|maint.</summary>
    public Task SetStateAsync(string backend, string server, ServerMode mode, CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.SetState(backend, server, mode), knownNames: true, cancellationToken);

    /// <summary>enable server BE/SRV: clears forced maintenance only (a drain stays).</summary>
    public Task EnableServerAsync(string backend, string server, CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.Enable(backend, server), knownNames: true, cancellationToken);

    /// <summary>disable server BE/SRV: forced maintenance.</summary>
    public Task DisableServerAsync(string backend, string server, CancellationToken cancellationToken = default) =>
        RunAsync(AdminCommands.Disable(backend, server), knownNames: true, cancellationToken);

    /// <summary>
    /// Sends the batch's commands in one connection; each reply is then checked, in command order, then parsed, in
    /// command order, exactly as if its command had been sent alone. The first error is thrown; the results are in the
    /// batch's <see cref="Batched{T}.Value"/>s.
    /// </summary>
    public Task SendAsync(AdminBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Items.Count == 0
            ? throw new ArgumentException("the batch holds no command", nameof(batch))
            : SendAsync(batch.Items, knownNames: true, cancellationToken);
    }

    private async Task<T> RunAsync<T>(AdminCommand<T> command, bool knownNames, CancellationToken cancellationToken) where T : class
    {
        var batched = new Batched<T>(command);
        await SendAsync([batched], knownNames, cancellationToken);
        return batched.Value;
    }

    /// <param name="knownNames">Add the valid names to unknown-backend and unknown-server errors, so the operator sees the
    /// choices (not for show backend itself, which lists them).</param>
    private async Task SendAsync(IReadOnlyList<IBatched> commands, bool knownNames, CancellationToken cancellationToken)
    {
        try
        {
            var line = string.Join(';', commands.Select(c => c.Text));
            var reply = await socket.SendAsync(line, cancellationToken);
            var replies = commands.Count == 1 ? [reply] : Split(line, reply, commands.Count);
            for (var i = 0; i < commands.Count; i++)
            {
                commands[i].Check(Location, replies[i]);
            }
            for (var i = 0; i < commands.Count; i++)
            {
                if (!commands[i].Read(Location, replies[i]))
                {
                    await UnknownServerAsync(commands[i].Backend!, commands[i].Server!, cancellationToken);
                }
            }
        }
        catch (UnknownBackendException unknown) when (knownNames && unknown.KnownBackends is null)
        {
            var known = await ListBackendsAsync(cancellationToken);
            throw new UnknownBackendException(unknown.Location, unknown.Command, unknown.HaproxyText!, unknown.Backend!, known);
        }
        catch (UnknownServerException unknown) when (knownNames && unknown.KnownServers is null)
        {
            var known = (await ListServersAsync(unknown.Backend!, cancellationToken)).Select(s => s.Name).ToList();
            throw new UnknownServerException(unknown.Location, unknown.Command, unknown.HaproxyText!, unknown.Backend!, unknown.Server!, known);
        }
    }

    private IReadOnlyList<string> Split(string line, string reply, int count)
    {
        try
        {
            return BatchReply.Split(reply, count);
        }
        catch (FormatException problem)
        {
            throw new UnexpectedReplyException(Location, line, problem.Message, reply);
        }
    }

    /// <summary>
    /// A server missing from a listing: let HAProxy itself judge the name (get weight BE/SRV is read-only), so
    /// the error carries its own text; a server that appeared meanwhile is reported without one.
    /// </summary>
    private async Task UnknownServerAsync(string backend, string server, CancellationToken cancellationToken)
    {
        var weight = AdminCommands.Weight(backend, server);
        await RunAsync(weight, knownNames: true, cancellationToken);
        throw new UnknownServerException(Location, weight.Text, "(the server appeared while it was looked up; retry)", backend, server);
    }
}
