namespace Uplift.OpenStack;

/// <summary>Cinder calls Uplift makes, over a session.</summary>
public sealed class BlockStorageClient(OpenStackSession session)
{
    public async Task<IReadOnlyList<CinderService>> ServicesAsync(string? host = null, string? binary = null, CancellationToken cancellation = default)
    {
        var response = await SendAsync(CinderRequests.ListServices(host, binary), cancellation).ConfigureAwait(false);
        return CinderServices.ParseList(response.Body);
    }

    public async Task<CinderService> DisableAsync(string host, string binary, string reason, CancellationToken cancellation = default)
    {
        var response = await SendAsync(CinderRequests.DisableService(host, binary, reason), cancellation).ConfigureAwait(false);
        return CinderServices.ParseChange(response.Body);
    }

    public async Task<CinderService> EnableAsync(string host, string binary, CancellationToken cancellation = default)
    {
        var response = await SendAsync(CinderRequests.EnableService(host, binary), cancellation).ConfigureAwait(false);
        return CinderServices.ParseChange(response.Body);
    }

    private Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellation) =>
        session.SendAsync(OpenStackService.BlockStorage, request, cancellation);
}
