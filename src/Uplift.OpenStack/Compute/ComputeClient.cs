namespace Uplift.OpenStack;

/// <summary>
/// Nova calls Uplift makes, over a session. Learns the server's highest microversion once and lets the
/// request builders pick the matching form (2.53+ UUID updates, older host/binary actions).
/// </summary>
public sealed class ComputeClient(OpenStackSession session)
{
    private Task<Microversion?>? _max;

    /// <summary>The highest microversion nova offers; null when it does not say (only 2.1 forms are used then).</summary>
    public Task<Microversion?> MaxMicroversionAsync(CancellationToken cancellation = default)
    {
        if (_max is null || _max.IsFaulted || _max.IsCanceled)
        {
            _max = DiscoverAsync(cancellation);
        }
        return _max;
    }

    public Task<IReadOnlyList<NovaService>> ServicesAsync(string? host = null, string? binary = null, CancellationToken cancellation = default) =>
        CallAsync(max => NovaRequests.ListServices(max, host, binary), NovaServices.ParseList, cancellation);

    /// <summary>The nova-compute service of <paramref name="host"/> (as nova names the host, e.g. its hostname).</summary>
    public async Task<NovaService> ComputeServiceAsync(string host, CancellationToken cancellation = default)
    {
        var services = await ServicesAsync(host, "nova-compute", cancellation).ConfigureAwait(false);
        return services.FirstOrDefault(s => s.Host == host && s.Binary == "nova-compute")
            ?? throw new OpenStackApiException($"nova has no nova-compute service on host '{host}'; compare the inventory's node names with `openstack compute service list`");
    }

    public Task<NovaService> DisableAsync(NovaService service, string reason, CancellationToken cancellation = default) =>
        CallAsync(max => NovaRequests.DisableService(service, reason, max), NovaServices.ParseOne, cancellation);

    public Task<NovaService> EnableAsync(NovaService service, CancellationToken cancellation = default) =>
        CallAsync(max => NovaRequests.EnableService(service, max), NovaServices.ParseOne, cancellation);

    /// <summary>Every instance on <paramref name="host"/>, all projects, following nova's pages.</summary>
    public async Task<IReadOnlyList<Server>> ServersOnHostAsync(string host, CancellationToken cancellation = default)
    {
        var servers = new List<Server>();
        string? marker = null;
        do
        {
            var page = await SendAsync(NovaRequests.ServersOnHost(host, marker), NovaServers.ParsePage, cancellation).ConfigureAwait(false);
            servers.AddRange(page.Servers);
            marker = page.NextMarker;
        }
        while (marker is not null);
        return servers;
    }

    public async Task<Server> ServerAsync(string serverId, CancellationToken cancellation = default) =>
        await SendAsync(NovaRequests.Server(serverId), NovaServers.ParseOne, cancellation).ConfigureAwait(false);

    /// <summary>Asks nova to live-migrate the instance (the scheduler chooses the destination); returns at once.</summary>
    public Task StartLiveMigrationAsync(string serverId, string? targetHost = null, CancellationToken cancellation = default) =>
        CallAsync(max => NovaRequests.LiveMigrate(serverId, max, targetHost), _ => true, cancellation);

    public Task<IReadOnlyList<Migration>> MigrationsAsync(string serverId, CancellationToken cancellation = default) =>
        CallAsync(max => NovaRequests.Migrations(serverId, max), NovaMigrations.ParseList, cancellation);

    /// <summary>A call whose form depends on the microversions nova offers: builds it for them, sends it, parses the answer.</summary>
    private async Task<T> CallAsync<T>(Func<Microversion?, ApiRequest> request, Func<string, T> parse, CancellationToken cancellation)
    {
        var max = await MaxMicroversionAsync(cancellation).ConfigureAwait(false);
        return await SendAsync(request(max), parse, cancellation).ConfigureAwait(false);
    }

    private Task<T> SendAsync<T>(ApiRequest request, Func<string, T> parse, CancellationToken cancellation) =>
        session.SendAsync(OpenStackService.Compute, request, parse, cancellation);

    private async Task<Microversion?> DiscoverAsync(CancellationToken cancellation)
    {
        try
        {
            var response = await session.SendAsync(OpenStackService.Compute, NovaRequests.Versions(), cancellation).ConfigureAwait(false);
            return NovaVersions.MaxMicroversion(response.Body, response.ApiVersion);
        }
        catch (OpenStackApiException e) when (e.Status is not null and not System.Net.HttpStatusCode.Unauthorized)
        {
            // An endpoint that carries the project id has no version document; the 2.1 forms work everywhere.
            return null;
        }
    }
}
