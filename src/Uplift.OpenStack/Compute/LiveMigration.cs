namespace Uplift.OpenStack;

/// <summary>
/// Moves one instance off its compute host by live migration and watches it until it is settled on another
/// host, failed, or the timeout passed. Time comes from the injected clock (tests advance it).
/// </summary>
public sealed class LiveMigration(ComputeClient compute, TimeProvider time, LiveMigrationOptions? options = null)
{
    private readonly LiveMigrationOptions _options = options ?? new LiveMigrationOptions();

    /// <summary>
    /// Moves every instance, at most <paramref name="maxParallel"/> at a time, each also holding one place of
    /// <paramref name="budget"/> (the cluster's migrations in flight, shared by every host's moves) while it moves; the
    /// outcomes keep the input order.
    /// </summary>
    public async Task<IReadOnlyList<LiveMigrationOutcome>> MoveAllAsync(
        IReadOnlyList<Server> servers, int maxParallel, SemaphoreSlim? budget = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        using var slots = new SemaphoreSlim(maxParallel);
        var moves = servers.Select(async server =>
        {
            await slots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                if (budget is null)
                {
                    return await MoveAsync(server, cancellation).ConfigureAwait(false);
                }
                await budget.WaitAsync(cancellation).ConfigureAwait(false);
                try
                {
                    return await MoveAsync(server, cancellation).ConfigureAwait(false);
                }
                finally
                {
                    budget.Release();
                }
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(moves).ConfigureAwait(false);
    }

    public async Task<LiveMigrationOutcome> MoveAsync(Server server, CancellationToken cancellation = default)
    {
        var source = server.Host ?? throw new OpenStackApiException($"nova does not say which host runs instance {server.Id} (admin credentials are needed)");
        var known = (await compute.MigrationsAsync(server.Id, cancellation).ConfigureAwait(false)).Select(Key).ToHashSet();
        var deadline = time.GetUtcNow() + _options.Timeout;
        await compute.StartLiveMigrationAsync(server.Id, cancellation: cancellation).ConfigureAwait(false);
        var current = server;
        for (var look = 0; ; look++)
        {
            await Task.Delay(_options.WaitBefore(look), time, cancellation).ConfigureAwait(false);
            current = await compute.ServerAsync(server.Id, cancellation).ConfigureAwait(false);
            var newMigrations = IsBackOnSource(current, source)
                ? (await compute.MigrationsAsync(server.Id, cancellation).ConfigureAwait(false)).Where(m => !known.Contains(Key(m))).ToList()
                : [];
            if (LiveMigrationProgress.Judge(current, source, newMigrations) is { } verdict)
            {
                return new LiveMigrationOutcome(server.Id, source, verdict.Result, current.Host, verdict.Detail);
            }
            if (time.GetUtcNow() >= deadline)
            {
                return new LiveMigrationOutcome(server.Id, source, LiveMigrationResult.TimedOut, current.Host,
                    $"instance {server.Id} is still {current.Status} (task {current.TaskState ?? "none"}) on {current.Host ?? "an unknown host"} after {_options.Timeout}");
            }
        }
    }

    private static bool IsBackOnSource(Server server, string source) => server.TaskState is null && server.Host == source;

    private static string Key(Migration migration) => migration.Id ?? $"{migration.CreatedAt:O}";
}
