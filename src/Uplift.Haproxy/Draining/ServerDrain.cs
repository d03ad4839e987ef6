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
    /// </summary>
    public async Task<DrainOutcome> DrainAsync(string backend, string server, DrainOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options = (options ?? new DrainOptions()).Validated();
        var before = await client.GetServerAsync(backend, server, cancellationToken);
        await client.SetStateAsync(backend, server, ServerMode.Drain, cancellationToken);
        var started = time.GetTimestamp();
        for (var polls = 1; ; polls++)
        {
            var stat = await client.GetServerStatAsync(backend, server, cancellationToken);
            var elapsed = time.GetElapsedTime(started);
            var drained = stat.TakesNoNewTraffic && stat.IsIdle;
            if (drained || elapsed >= options.Timeout)
            {
                return new DrainOutcome(client.Location, backend, server, drained, before.AdminState, stat, elapsed, polls);
            }
            var wait = options.Timeout - elapsed < options.PollInterval ? options.Timeout - elapsed : options.PollInterval;
            await Task.Delay(wait, time, cancellationToken);
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
    /// the timeout; then throws <see cref="BackendNotAnsweringException"/> and leaves the server as it is.
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
        return time.GetElapsedTime(started);
    }
}
