using Uplift.Diagnostics;
using Uplift.Execution;
using Uplift.OpenStack;

namespace Uplift.Upgrade.Steps.Compute;

/// <summary>
/// The OpenStack APIs as the compute, service-check and smoke-test steps reach them: one session for the run, opened
/// on first use (a plan without such steps, or a dry run, never needs clouds.yaml). API and configuration errors
/// become <see cref="StepFailedException"/>s that name the step's host and carry OpenStack's own message.
/// </summary>
public sealed class ComputeCloud : IDisposable
{
    private readonly Func<OpenStackSession> _connect;
    private readonly Lazy<OpenStackSession> _session;
    private readonly Lazy<ComputeClient> _compute;

    /// <param name="migrations">Live migrations in flight at once across the cluster (inventory concurrency.live_migrations).</param>
    /// <param name="migrationsPerHost">Live migrations in flight at once off one compute (concurrency.live_migrations_per_host).</param>
    public ComputeCloud(Func<OpenStackSession> connect, int migrations = Inventory.ConcurrencySettings.DefaultLiveMigrations, int migrationsPerHost = 1)
    {
        _connect = connect;
        _session = new Lazy<OpenStackSession>(connect);
        _compute = new Lazy<ComputeClient>(() => new ComputeClient(_session.Value));
        MigrationBudget = new SemaphoreSlim(Math.Max(1, migrations));
        MigrationsPerHost = Math.Max(1, migrationsPerHost);
    }

    /// <summary>The cluster's live migrations in flight: every migrate step's moves share it.</summary>
    public SemaphoreSlim MigrationBudget { get; }

    /// <summary>Live migrations one migrate step runs at once.</summary>
    public int MigrationsPerHost { get; }

    public OpenStackSession Session => _session.Value;

    private ComputeClient Compute => _compute.Value;

    /// <summary>A new session of its own (no cached token), for checks that must authenticate afresh; the caller disposes it.</summary>
    public OpenStackSession Connect() => _connect();

    /// <summary>Whether a disabled service was disabled by Uplift (its reasons start "uplift"), not by the operator.</summary>
    public static bool DisabledByUplift(NovaService service) =>
        service.Status == ServiceStatus.Disabled && (service.DisabledReason ?? "").StartsWith("uplift", StringComparison.Ordinal);

    /// <summary>Runs an API call for a step; what failed is said with <paramref name="what"/> ("disable nova-compute on cmp1").</summary>
    public async Task<T> CallAsync<T>(StepContext context, string what, Func<OpenStackSession, ComputeClient, CancellationToken, Task<T>> call)
    {
        try
        {
            return await call(Session, Compute, context.Abort).ConfigureAwait(false);
        }
        catch (OpenStackApiException e)
        {
            throw new StepFailedException($"{what}: {e.Message}");
        }
        catch (FormatException e)
        {
            // The parsers' word for an answer that is not the document the API reference describes.
            throw new StepFailedException($"{what}: unexpected answer: {e.Message}; is the catalog's endpoint the right service?");
        }
        catch (InputException e)
        {
            throw new StepFailedException($"{what}: the cloud's settings are unusable: {e.Message}");
        }
    }

    /// <summary>The step's nova service (host and binary); fails when nova does not know it.</summary>
    public Task<NovaService> ServiceAsync(StepContext context)
    {
        var (host, binary) = ComputeService.Read(context.Step);
        return CallAsync(context, $"look up {binary} on {host}", async (_, compute, abort) =>
        {
            var services = await compute.ServicesAsync(host, binary, abort).ConfigureAwait(false);
            return services.FirstOrDefault(s => s.Host == host && s.Binary == binary)
                ?? throw new StepFailedException(
                    $"nova has no {binary} service on host '{host}'; compare the inventory's node names with `openstack compute service list`");
        });
    }

    public void Dispose()
    {
        MigrationBudget.Dispose();
        if (_session.IsValueCreated)
        {
            _session.Value.Dispose();
        }
    }
}
