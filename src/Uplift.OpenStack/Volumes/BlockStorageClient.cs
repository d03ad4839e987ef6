namespace Uplift.OpenStack;

/// <summary>Cinder calls Uplift makes, over a session.</summary>
public sealed class BlockStorageClient(OpenStackSession session)
{
    public async Task<IReadOnlyList<CinderService>> ServicesAsync(string? host = null, string? binary = null, CancellationToken cancellation = default) =>
        await SendAsync(CinderRequests.ListServices(host, binary), CinderServices.ParseList, cancellation).ConfigureAwait(false);

    public async Task<CinderService> DisableAsync(string host, string binary, string reason, CancellationToken cancellation = default) =>
        await SendAsync(CinderRequests.DisableService(host, binary, reason), CinderServices.ParseChange, cancellation).ConfigureAwait(false);

    public async Task<CinderService> EnableAsync(string host, string binary, CancellationToken cancellation = default) =>
        await SendAsync(CinderRequests.EnableService(host, binary), CinderServices.ParseChange, cancellation).ConfigureAwait(false);

    private Task<T> SendAsync<T>(ApiRequest request, Func<string, T> parse, CancellationToken cancellation) =>
        session.SendAsync(OpenStackService.BlockStorage, request, parse, cancellation);
}
