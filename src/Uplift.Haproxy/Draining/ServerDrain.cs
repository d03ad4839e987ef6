using Uplift.Timing;

namespace Uplift.Haproxy;

/// <summary>
/// Takes one server out of rotation without cutting a request, and puts it back once its service answers
/// (DESIGN.md §5): drain, wait until HAProxy sends it nothing and nothing is in flight, later re-enable.
/// Time comes from the injected <see cref="TimeProvider"/>: tests advance a manual clock.
/// </summary>
public sealed class ServerDrain(HaproxyClient client, TimeProvider time)
{
    /// <summary>
    /// set server BE/SRV state drain, then polls show stat until the server is drained or the timeout runs out.
    /// The server's previous admin state is read first and returned for the always-run cleanup (<see cref="RestoreAsync"/>).
    /// The read, the drain and the first look at show stat go in one connection.
    /// </summary>
    public async Task<DrainOutcome> DrainAsync(string backend, string server, DrainOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options = (options ?? new DrainOptions()).Validated();
        // HAProxy runs every command of a line, so the drain is sent even if the read before it fails: it then fails the
        // same way (unknown backend or server, permission), and a reply that cannot be read fails the drain all the same.
        var batch = new AdminBatch();
        var read = batch.GetServer(backend, server);
        batch.SetState(backend, server, ServerMode.Drain);
        var first = batch.GetServerStat(backend, server);
        var started = time.GetTimestamp();
        await client.SendAsync(batch, cancellationToken);
        var previous = read.Value.AdminState;
        var stat = first.Value;
        for (var polls = 1; ; polls++)
        {
            var elapsed = time.GetElapsedTime(started);
            var drained = stat.TakesNoNewTraffic && stat.IsIdle;
            if (drained || elapsed >= options.Timeout)
            {
                return new DrainOutcome(client.Location, backend, server, drained, previous, stat, elapsed, polls);
            }
            var wait = options.Timeout - elapsed < options.PollInterval ? options.Timeout - elapsed : options.PollInterval;
            await Task.Delay(wait, time, cancellationToken);
            stat = await client.GetServerStatAsync(backend, server, cancellationToken);
        }
    }

    /// <summary>
    /// The always-run cleanup: puts the server back in the admin state it had before (maintenance, drain or ready).
    /// Only forced states can be set through the socket; inherited or configured ones return by themselves.
    /// </summary>
    public Task RestoreAsync(string backend, string server, ServerAdminState previous, CancellationToken cancellationToken = default)
    {
        var mode = (previous & ServerState.Maintenance) != 0 ? ServerMode.Maintenance
            : (previous & ServerState.Drain) != 0 ? ServerMode.Drain
            : ServerMode.Ready;
        return client.SetStateAsync(backend, server, mode, cancellationToken);
    }

    /// <summary>
    /// Puts the server back in rotation (state ready) only once <paramref name="answers"/> says its service answers on
    /// its own address (the server's srv_addr:srv_port from show servers state), probing every poll interval until
    /// the timeout; then throws <see cref="BackendNotAnsweringException"/> and leaves the server as it is. After
    /// "ready", waits (within the same timeout) until HAProxy's checks see it up, else throws <see cref="ServerNotSeenUpException"/>.
    /// </summary>
    public async Task<TimeSpan> EnableAfterHealthyAsync(string backend, string server,
        Func<ServerState, CancellationToken, Task<bool>> answers, DrainOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options = (options ?? new DrainOptions()).Validated();
        var state = await client.GetServerAsync(backend, server, cancellationToken);
        var started = time.GetTimestamp();
        while (!await answers(state, cancellationToken))
        {
            var elapsed = time.GetElapsedTime(started);
            if (elapsed >= options.Timeout)
            {
                throw new BackendNotAnsweringException(client.Location, backend, server, $"{state.Address}:{state.Port}", elapsed);
            }
            await Task.Delay(options.Timeout - elapsed < options.PollInterval ? options.Timeout - elapsed : options.PollInterval,
                time, cancellationToken);
        }
        await client.SetStateAsync(backend, server, ServerMode.Ready, cancellationToken);
        var (_, seen) = await WaitUntilSeenUpAsync(backend, server, null, options with { Timeout = TimeSpan.FromTicks(Math.Max(0, (options.Timeout - time.GetElapsedTime(started)).Ticks)) },
            cancellationToken);
        return seen ? time.GetElapsedTime(started) : throw new ServerNotSeenUpException(client.Location, backend, server, time.GetElapsedTime(started));
    }

    /// <summary>
    /// Waits until HAProxy's own health checks see the server up (<see cref="ServerState.SeenUp"/>): a server put back
    /// to "ready" gets no traffic before that, so draining the next controllers earlier would leave the backend without
    /// any server (503s; with checks every 2 s and rise 2, for up to 4 s). Looks at show servers state (first at
    /// <paramref name="known"/>, a state just read, if given), then after 0.1 s, doubling up to the poll interval, for at
    /// most the timeout. Returns the last state and whether it was seen up.
    /// </summary>
    public async Task<(ServerState Last, bool SeenUp)> WaitUntilSeenUpAsync(string backend, string server, ServerState? known,
        DrainOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = (options ?? new DrainOptions()).Validated();
        var started = time.GetTimestamp();
        var state = known ?? await client.GetServerAsync(backend, server, cancellationToken);
        for (var look = 0; !state.SeenUp; look++)
        {
            if (time.GetElapsedTime(started) >= options.Timeout)
            {
                return (state, false);
            }
            await Task.Delay(PollBackoff.After(look, options.PollInterval), time, cancellationToken);
            state = await client.GetServerAsync(backend, server, cancellationToken);
        }
        return (state, true);
    }
}
