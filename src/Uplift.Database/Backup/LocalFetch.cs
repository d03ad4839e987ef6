namespace Uplift.Database;

/// <summary>For a database node that is this machine (local shell): a plain file copy.</summary>
public sealed class LocalFetch : IBackupFetch
{
    public string? FirstPart(string nodeFile) => null;

    public Task FetchAsync(string nodeFile, string localFile, long bytes, string? firstPart = null, CancellationToken cancellationToken = default)
    {
        if (Path.GetFullPath(nodeFile) != Path.GetFullPath(localFile))
        {
            File.Copy(nodeFile, localFile, overwrite: true);
        }
        return Task.CompletedTask;
    }
}
