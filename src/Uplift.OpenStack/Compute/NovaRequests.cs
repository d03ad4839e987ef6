using System.Text.Json.Nodes;

namespace Uplift.OpenStack;

/// <summary>
/// Builds nova requests (nova api-ref: os-services, servers, os-migrateLive, os-migrations, os-hypervisors).
/// Pure: <paramref name="serverMax"/> arguments are the highest microversion the server offers, and each
/// builder picks the form that server understands.
/// </summary>
public static class NovaRequests
{
    /// <summary>Service ids became UUIDs, and PUT /os-services/{id} replaced the host/binary actions, at 2.53 (Pike).</summary>
    public static readonly Microversion ServiceUuids = new(2, 53);

    /// <summary>From 2.69 services in a down cell are listed with status UNKNOWN instead of being left out.</summary>
    public static readonly Microversion DownCells = new(2, 69);

    /// <summary>block_migration "auto" (and host null: let the scheduler choose) needs 2.25 (Mitaka).</summary>
    public static readonly Microversion AutoBlockMigration = new(2, 25);

    /// <summary>os-migrations says which migrations are live ones (migration_type) from 2.23.</summary>
    public static readonly Microversion MigrationTypes = new(2, 23);

    /// <summary>The version document at the endpoint root; "latest" makes nova name its maximum in the answer's header too.</summary>
    public static ApiRequest Versions() => new(HttpMethod.Get, "", Microversion: "compute latest");

    public static ApiRequest ListServices(Microversion? serverMax, string? host = null, string? binary = null)
    {
        var version = serverMax >= DownCells ? DownCells : serverMax >= ServiceUuids ? ServiceUuids : (Microversion?)null;
        return new ApiRequest(HttpMethod.Get, "/os-services" + QueryString.Of(("host", host), ("binary", binary)), Microversion: Header(version));
    }

    /// <summary>Disables a service so the scheduler places nothing more on it, recording why.</summary>
    public static ApiRequest DisableService(NovaService service, string reason, Microversion? serverMax)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return serverMax >= ServiceUuids
            ? new ApiRequest(HttpMethod.Put, $"/os-services/{Uuid(service)}",
                new JsonObject { ["status"] = "disabled", ["disabled_reason"] = reason }, Header(ServiceUuids))
            : new ApiRequest(HttpMethod.Put, "/os-services/disable-log-reason",
                new JsonObject { ["host"] = service.Host, ["binary"] = service.Binary, ["disabled_reason"] = reason });
    }

    public static ApiRequest EnableService(NovaService service, Microversion? serverMax) =>
        serverMax >= ServiceUuids
            ? new ApiRequest(HttpMethod.Put, $"/os-services/{Uuid(service)}", new JsonObject { ["status"] = "enabled" }, Header(ServiceUuids))
            : new ApiRequest(HttpMethod.Put, "/os-services/enable", new JsonObject { ["host"] = service.Host, ["binary"] = service.Binary });

    /// <summary>Every instance on a compute host, all projects (the host filter is admin-only); <paramref name="marker"/> pages on.</summary>
    public static ApiRequest ServersOnHost(string host, string? marker = null) =>
        new(HttpMethod.Get, "/servers/detail" + QueryString.Of(("all_tenants", "1"), ("host", host), ("marker", marker)));

    public static ApiRequest Server(string serverId) => new(HttpMethod.Get, $"/servers/{Escape(serverId)}");

    /// <summary>Live-migrates an instance; with no <paramref name="targetHost"/> the scheduler picks the destination.</summary>
    public static ApiRequest LiveMigrate(string serverId, Microversion? serverMax, string? targetHost = null)
    {
        if (!(serverMax >= AutoBlockMigration))
        {
            throw new OpenStackApiException(
                $"nova offers microversions up to {serverMax?.ToString() ?? "2.1"}; live migration with block_migration \"auto\" needs {AutoBlockMigration} (Mitaka or later)");
        }
        var body = new JsonObject
        {
            ["os-migrateLive"] = new JsonObject { ["host"] = targetHost, ["block_migration"] = "auto" },
        };
        return new ApiRequest(HttpMethod.Post, $"/servers/{Escape(serverId)}/action", body, Header(AutoBlockMigration));
    }

    /// <summary>The migrations of one instance (newest first), to tell a failed live migration from one not yet started.</summary>
    public static ApiRequest Migrations(string serverId, Microversion? serverMax) =>
        new(HttpMethod.Get, "/os-migrations" + QueryString.Of(("instance_uuid", serverId)),
            Microversion: Header(serverMax >= MigrationTypes ? MigrationTypes : null));

    public static ApiRequest HypervisorsWithServers(string hostnamePattern, Microversion? serverMax) =>
        serverMax >= ServiceUuids
            ? new ApiRequest(HttpMethod.Get, "/os-hypervisors" + QueryString.Of(("hypervisor_hostname_pattern", hostnamePattern), ("with_servers", "true")), Microversion: Header(ServiceUuids))
            : new ApiRequest(HttpMethod.Get, $"/os-hypervisors/{Escape(hostnamePattern)}/servers");

    private static string Uuid(NovaService service) =>
        service.Id is { Length: > 0 } id
            ? Escape(id)
            : throw new OpenStackApiException($"nova cannot update {service.Binary} on {service.Host}: its cell is down (status UNKNOWN); bring the cell database back first");

    private static string? Header(Microversion? version) => version is { } v ? $"compute {v}" : null;

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
